package io.blueflash.sim.jtag;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A JTAG scan chain: one TAP controller (all TAPs share TCK and TMS) and the TAPs in order from TDI
 * to TDO. On each rising TCK edge TMS moves the state (IEEE 1149.1) and, in Shift-IR/Shift-DR, TDI
 * enters the first TAP's register while every register moves one bit towards TDO. TDO shows the
 * low bit of the last register, as after the falling edge on which real TAPs drive it; outside the
 * shift states it reads 1 (released line with pull-up).
 *
 * <p>Time: with a {@link TckClock} ({@link #priceTck}) every rising edge costs one TCK period on the
 * chip's clock, charged before each register action (capture, update, reset) so that a DP access
 * happens at the simulated instant its scan reaches it; without one, TCK cycles cost nothing.
 *
 * <p>Pins: while {@code pinsRouted} says the chip gave its JTAG pins to other uses (AFIO_MAPR.SWJ_CFG 010 or
 * 100, RM0008 §9.3.5), TDI and TDO are GPIO: the TAPs see no shift, nothing drives TDO (it reads 1, the
 * released line) and the TAP controllers stay where they were; TCK cycles still cost their time.
 */
public final class JtagScanChain {

    private final List<Slot> slots;
    private TapState state = TapState.TEST_LOGIC_RESET;
    private boolean tck;
    private long risingEdges;
    private TckClock tckClock;
    private final BooleanSupplier pinsRouted;

    /** @param tdiToTdo the TAPs, the one connected to TDI first */
    public JtagScanChain(List<? extends JtagTap> tdiToTdo) {
        this(tdiToTdo, () -> true);
    }

    /**
     * @param tdiToTdo   the TAPs, the one connected to TDI first
     * @param pinsRouted true while the chip's JTAG pins (TDI, TDO, TMS, TCK) reach the TAPs
     */
    public JtagScanChain(List<? extends JtagTap> tdiToTdo, BooleanSupplier pinsRouted) {
        this.pinsRouted = java.util.Objects.requireNonNull(pinsRouted, "'pinsRouted' must not be null");
        if (tdiToTdo == null || tdiToTdo.isEmpty()) {
            throw new IllegalArgumentException("'tdiToTdo' must name at least one TAP");
        }
        this.slots = tdiToTdo.stream().map(Slot::new).toList();
        resetTaps();
    }

    public TapState state() {
        return state;
    }

    /** Charges every TCK cycle on {@code clock} from now on. */
    public void priceTck(TckClock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("'clock' must not be null");
        }
        tckClock = clock;
    }

    /** Charges the TCK cycles not yet charged (before a reply to the client or a reset pin change). */
    public void chargeTck() {
        if (tckClock != null) {
            tckClock.charge();
        }
    }

    /** Rising TCK edges seen so far. */
    public long tckCycles() {
        return risingEdges;
    }

    /** The instruction currently in the TAP at {@code index} (0 = nearest TDI). */
    public int instruction(int index) {
        return slots.get(index).instruction;
    }

    /** Sets the three driven pins; a low-to-high TCK transition clocks the chain. */
    public void drive(boolean tckLevel, boolean tms, boolean tdi) {
        boolean rising = tckLevel && !tck;
        tck = tckLevel;
        if (rising) {
            clock(tms, tdi);
        }
    }

    /** TRST: asynchronous reset of every TAP controller. */
    public void trst() {
        state = TapState.TEST_LOGIC_RESET;
        resetTaps();
    }

    /** A new client session: every TAP controller in Test-Logic-Reset, every TAP's session state cleared. */
    public void startSession() {
        trst();
        slots.forEach(s -> s.tap.startSession());
    }

    public boolean tdo() {
        if (!pinsRouted.getAsBoolean() || state != TapState.SHIFT_DR && state != TapState.SHIFT_IR) {
            return true;
        }
        return (slots.get(slots.size() - 1).shift & 1) != 0;
    }

    private void clock(boolean tms, boolean tdi) {
        risingEdges++;
        if (tckClock != null) {
            tckClock.cycle();
        }
        if (!pinsRouted.getAsBoolean()) {
            return;
        }
        if (state == TapState.SHIFT_DR || state == TapState.SHIFT_IR) {
            shift(tdi);
        }
        state = state.next(tms);
        switch (state) {
            case TEST_LOGIC_RESET, CAPTURE_IR, CAPTURE_DR, UPDATE_IR, UPDATE_DR -> chargeTck();
            default -> {
                // shifting and waiting states only move bits: their cycles are charged with the next action
            }
        }
        switch (state) {
            case TEST_LOGIC_RESET -> resetTaps();
            case CAPTURE_IR -> slots.forEach(s -> s.load(s.tap.irLength(), s.tap.irCapture()));
            case CAPTURE_DR -> slots.forEach(s -> s.load(s.tap.drLength(s.instruction), s.tap.captureDr(s.instruction)));
            case UPDATE_IR -> slots.forEach(s -> s.instruction = (int) s.shift);
            case UPDATE_DR -> slots.forEach(s -> s.tap.updateDr(s.instruction, s.shift));
            default -> {
                // no register action in the other states
            }
        }
    }

    private void shift(boolean tdi) {
        boolean in = tdi;
        for (Slot slot : slots) {
            boolean out = (slot.shift & 1) != 0;
            slot.shift = slot.shift >>> 1 | (in ? 1L << (slot.length - 1) : 0);
            in = out;
        }
    }

    private void resetTaps() {
        for (Slot slot : slots) {
            slot.instruction = slot.tap.resetInstruction();
            slot.tap.reset();
        }
    }

    private static final class Slot {
        final JtagTap tap;
        int instruction;
        long shift;
        int length = 1;

        Slot(JtagTap tap) {
            this.tap = tap;
        }

        void load(int bits, long value) {
            length = bits;
            shift = bits == 64 ? value : value & ((1L << bits) - 1);
        }
    }
}
