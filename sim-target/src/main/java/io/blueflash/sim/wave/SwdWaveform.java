package io.blueflash.sim.wave;

import io.blueflash.sim.trace.SwdAck;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The SWD connector of the simulated chip drawn bit by bit (ADIv5 §B4.2) from its DP transactions:
 * {@code SWCLK}, {@code SWDIO}, who drives SWDIO ({@code SWDIO_HOST_OE}, {@code SWDIO_TARGET_OE};
 * both low in a turnaround) and {@code NRST}.
 *
 * <p>Timing, one bit period {@code T} at the DP's SWD frequency, SWCLK low then high in each
 * cycle: the host changes SWDIO on the falling edge that starts a cycle and the target samples it
 * on the rising edge; the target drives on a rising edge and the host samples it on the next one
 * (ADIv5 §B4.2.1). Nobody drives SWDIO for the half cycle between one side letting go and the other
 * taking over; the chip's pull-up then holds it high, which is also what the host reads from a
 * target that does not answer (ACK 0b111). A transaction is request (start, APnDP, RnW, A[2:3],
 * parity, stop, park), turnaround, ACK, then for OK 32 data bits and parity with one turnaround
 * (after the data of a read, before the data of a write), then the host's idle cycles at SWDIO low;
 * WAIT and FAULT end after the ACK's turnaround unless CTRL/STAT.ORUNDETECT is set (ADIv5 §B4.3.4).
 * Between transactions SWCLK rests high. A line reset is 50 cycles high and the 2 idle cycles the
 * simulator charges for it.
 *
 * <p>The simulator reports a transaction when its bits (and idle cycles) have been charged, so it is
 * drawn back from there; the {@link VcdWriter}'s reorder window keeps the file in time order.
 */
public final class SwdWaveform {

    /** Cycles of a line reset as the simulated DP charges them: 50 high plus 2 idle (facts §C.1). */
    static final int LINE_RESET_HIGH = 50, LINE_RESET_IDLE = 2;
    private static final int REQUEST = 8, ACK = 3, DATA_AND_PARITY = 33;
    private static final int ORUNDETECT = 1;

    private enum Driver { HOST, TARGET, NOBODY }

    private final VcdWriter vcd;
    private final LongSupplier frequencyHz;
    private final IntSupplier idleCycles;
    private final VcdWriter.Wire swclk;
    private final VcdWriter.Wire swdio;
    private final VcdWriter.Wire hostOe;
    private final VcdWriter.Wire targetOe;
    private final VcdWriter.Wire nrst;
    private long lineFreeAt;
    private boolean overrunDetect;
    private long transactions;

    /**
     * @param frequencyHz the DP's SWD clock now (read at every transaction: probes change it)
     * @param idleCycles  the idle cycles the host clocks after each transaction
     */
    public SwdWaveform(VcdWriter vcd, LongSupplier frequencyHz, IntSupplier idleCycles) {
        this.vcd = Objects.requireNonNull(vcd, "'vcd' must not be null");
        this.frequencyHz = Objects.requireNonNull(frequencyHz, "'frequencyHz' must not be null");
        this.idleCycles = Objects.requireNonNull(idleCycles, "'idleCycles' must not be null");
        this.swclk = vcd.wire("swd", "SWCLK", '1');
        this.swdio = vcd.wire("swd", "SWDIO", '0');
        this.hostOe = vcd.wire("swd", "SWDIO_HOST_OE", '1');
        this.targetOe = vcd.wire("swd", "SWDIO_TARGET_OE", '0');
        this.nrst = vcd.wire("swd", "NRST", '1');
    }

    /** Transactions drawn so far. */
    public long transactions() {
        return transactions;
    }

    /**
     * One DP transaction that ended at {@code endNanos} (its idle cycles included).
     *
     * @param data the data on the wire: what the target sent for a read (the posted value for an AP
     *             read), what the host sent for a write
     */
    public void transaction(long endNanos, boolean ap, boolean read, int address, SwdAck ack, int data) {
        boolean dataPhase = ack == SwdAck.OK || (overrunDetect && (ack == SwdAck.WAIT || ack == SwdAck.FAULT));
        int cycles = REQUEST + 1 + ACK + (dataPhase ? DATA_AND_PARITY : 0) + 1 + idleCycles.getAsInt();
        Cycles c = new Cycles(start(endNanos, cycles));
        int payload = (ap ? 1 : 0) | (read ? 2 : 0) | (address >>> 2 & 3) << 2;
        c.host(1);
        for (int i = 0; i < 4; i++) {
            c.host(payload >>> i & 1);
        }
        c.host(Integer.bitCount(payload) & 1);
        c.host(0);
        c.host(1);
        c.turnaround();
        for (int i = 0; i < ACK; i++) {
            if (ack == SwdAck.NO_RESPONSE) {
                c.nobody();
            } else {
                c.target(ack.bits() >>> i & 1);
            }
        }
        int wireData = ack == SwdAck.OK ? data : read ? 0 : data;
        if (dataPhase && read) {
            dataBits(c, wireData, true);
            c.turnaround();
        } else if (dataPhase) {
            c.turnaround();
            dataBits(c, wireData, false);
        } else {
            c.turnaround();
        }
        for (int i = idleCycles.getAsInt(); i > 0; i--) {
            c.host(0);
        }
        lineFreeAt = c.end();
        transactions++;
        if (!ap && !read && address == 0x4 && ack == SwdAck.OK) {
            overrunDetect = (data & ORUNDETECT) != 0;
        }
    }

    /** A line reset that ended at {@code endNanos}: 50 cycles with SWDIO high, then idle. */
    public void lineReset(long endNanos) {
        Cycles c = new Cycles(start(endNanos, LINE_RESET_HIGH + LINE_RESET_IDLE));
        for (int i = 0; i < LINE_RESET_HIGH; i++) {
            c.host(1);
        }
        for (int i = 0; i < LINE_RESET_IDLE; i++) {
            c.host(0);
        }
        lineFreeAt = c.end();
    }

    /** NRST driven low ({@code asserted}) or released at {@code nanos}. */
    public void nrst(long nanos, boolean asserted) {
        vcd.change(nanos, nrst, asserted ? '0' : '1');
    }

    private static void dataBits(Cycles c, int data, boolean target) {
        for (int i = 0; i < 32; i++) {
            c.bit(target, data >>> i & 1);
        }
        c.bit(target, Integer.bitCount(data) & 1);
    }

    /** The start of a drawing of {@code cycles} that ended at {@code endNanos}, never before the last one ended. */
    private long start(long endNanos, int cycles) {
        long period = periodNanos();
        vcd.holdBack(2 * (REQUEST + ACK + DATA_AND_PARITY + 2 + Math.max(idleCycles.getAsInt(), LINE_RESET_IDLE)
                + LINE_RESET_HIGH) * period);
        return Math.max(endNanos - cycles * 1_000_000_000L / frequencyHz.getAsLong(), lineFreeAt);
    }

    private long periodNanos() {
        return Math.max(1, 1_000_000_000L / frequencyHz.getAsLong());
    }

    /** Draws cycles one after the other from a start time. */
    private final class Cycles {
        private final long start;
        private final long hz = frequencyHz.getAsLong();
        private int index;
        private Driver driver = Driver.HOST;

        Cycles(long start) {
            this.start = start;
        }

        /** Edge time: {@code halves} half periods after the start. */
        private long at(long halves) {
            return start + halves * 500_000_000L / hz;
        }

        void bit(boolean target, int bit) {
            if (target) {
                target(bit);
            } else {
                host(bit);
            }
        }

        /** The host drives {@code bit} from this cycle's falling edge. */
        void host(int bit) {
            long fall = at(2L * index);
            clock(fall);
            if (driver != Driver.HOST) {
                vcd.change(fall, targetOe, '0');
                vcd.change(fall, hostOe, '1');
                driver = Driver.HOST;
            }
            vcd.change(fall, swdio, bit != 0 ? '1' : '0');
            index++;
        }

        /** The target drives {@code bit} from the previous cycle's rising edge, so the host samples it on this one. */
        void target(int bit) {
            long rise = at(2L * index - 1);
            clock(at(2L * index));
            if (driver != Driver.TARGET) {
                vcd.change(rise, hostOe, '0');
                vcd.change(rise, targetOe, '1');
                driver = Driver.TARGET;
            }
            vcd.change(rise, swdio, bit != 0 ? '1' : '0');
            index++;
        }

        /** A silent target's cycle: nobody drives, the pull-up holds SWDIO high. */
        void nobody() {
            release(at(2L * index - 1));
            clock(at(2L * index));
            index++;
        }

        /**
         * One turnaround cycle: after the host, it lets go on this cycle's falling edge; after the
         * target (which let go on the last rising edge), the host takes over, low, on this falling edge.
         */
        void turnaround() {
            long fall = at(2L * index);
            clock(fall);
            if (driver == Driver.HOST) {
                release(fall);
            } else {
                release(at(2L * index - 1));
                vcd.change(fall, hostOe, '1');
                vcd.change(fall, swdio, '0');
                driver = Driver.HOST;
            }
            index++;
        }

        private void release(long when) {
            vcd.change(when, hostOe, '0');
            vcd.change(when, targetOe, '0');
            vcd.change(when, swdio, '1');
            driver = Driver.NOBODY;
        }

        /** SWCLK falls at {@code fall} and rises half a period later. */
        private void clock(long fall) {
            vcd.change(fall, swclk, '0');
            vcd.change(at(2L * index + 1), swclk, '1');
        }

        long end() {
            return at(2L * index);
        }
    }
}
