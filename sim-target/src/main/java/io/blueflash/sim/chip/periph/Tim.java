package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import java.util.function.LongSupplier;

/**
 * The time base of a timer, TIM1 … TIM8 (RM0008 §14.3.1–§14.3.3, §15.3.1–§15.3.2, §17.3): the
 * counter clock is TIMxCLK / (PSC + 1), where TIMxCLK is the APB clock, doubled when the APB
 * prescaler is not 1 (RM0008 §7.2). The counter counts up 0 … ARR, down ARR … 0, or centre-aligned
 * (CMS), and each overflow or underflow is an update event (UEV, every RCR + 1 of them on TIM1/TIM8):
 * PSC (and ARR when ARPE is set) are loaded from their preload registers, UIF is set (UDIS
 * suppresses the event), OPM stops the counter. EGR.UG re-initialises the counter and makes an
 * update event (URS = 1: without UIF). An ARR of 0 blocks the counter.
 *
 * <p>CNT is computed from the clock when read, so a free-running timer costs nothing; a clock event
 * is scheduled only while UIE is set, to raise the IRQ line on time. Capture/compare, PWM outputs,
 * slave modes, DMA requests and the DBGMCU_CR TIMx_STOP freeze are not modelled: CCMR/CCER/CCR and
 * the rest are stored, CCxIF only ever set by firmware through EGR.
 */
public final class Tim extends WordRegisters {

    public static final int CR1 = 0x00, CR2 = 0x04, SMCR = 0x08, DIER = 0x0C, SR = 0x10, EGR = 0x14, CCMR1 = 0x18,
            CCMR2 = 0x1C, CCER = 0x20, CNT = 0x24, PSC = 0x28, ARR = 0x2C, RCR = 0x30, CCR1 = 0x34, BDTR = 0x44,
            DCR = 0x48, DMAR = 0x4C;
    static final int CEN = 1, UDIS = 1 << 1, URS = 1 << 2, OPM = 1 << 3, DIR = 1 << 4, CMS = 3 << 5;
    static final int UIF = 1, UIE = 1, UG = 1;

    /** What kind of timer: basic timers count up only; advanced ones have RCR and separate IRQ lines. */
    public enum Kind { BASIC, GENERAL, ADVANCED }

    private final String name;
    private final Kind kind;
    private final LongSupplier timerClockHz;
    private final SimClock clock;
    private final InterruptLines lines;
    private final int updateIrq;
    private final int otherIrq;
    private final int[] plain = new int[0x50 / 4];
    private int cr1;
    private int dier;
    private int sr;
    private int pscPreload;
    private int psc;
    private int arrPreload;
    private int arr;
    private int rcr;
    /** Overflows since the last real update event (TIM1/TIM8 make one every RCR + 1). */
    private long repetitions;
    /** The counter as ticks of the counter clock: originPosition at originNanos, counting at originHz / (psc + 1). */
    private long originNanos;
    private long originPosition;
    private long originHz;
    /** Update boundaries (multiples of the period) already handled since the origin. */
    private long boundariesDone;
    private SimClock.Event updateEvent;
    private boolean updateLineHigh;
    private boolean otherLineHigh;

    /**
     * @param updateIrq the line of the update interrupt (TIM1_UP 25, TIM2 28, TIM3 29, TIM4 30, TIM5 50,
     *                  TIM6 54, TIM7 55, TIM8_UP 44)
     * @param otherIrq  the capture/compare and trigger line of an advanced timer (TIM1_CC 27, TIM8_CC 46),
     *                  or the update line again
     */
    public Tim(String name, Kind kind, LongSupplier timerClockHz, SimClock clock, InterruptLines lines, int updateIrq,
               int otherIrq) {
        super(true);
        this.name = name;
        this.kind = kind;
        this.timerClockHz = timerClockHz;
        this.clock = clock;
        this.lines = lines;
        this.updateIrq = updateIrq;
        this.otherIrq = otherIrq;
        reset();
    }

    public String name() {
        return name;
    }

    /** CNT now. */
    public int counter() {
        settle();
        long p = position();
        if ((cr1 & CMS) != 0) {
            long q = p % (2L * Math.max(arr, 1));
            return (int) (q <= arr ? q : 2L * arr - q);
        }
        return (int) (downCounter() ? arr - p : p);
    }

    /** Call when TIMxCLK changes: what has been counted so far was counted at the old rate. */
    void clockChanged() {
        settle();
        origin(position());
        reschedule();
    }

    @Override
    public void reset() {
        cancelEvent();
        java.util.Arrays.fill(plain, 0);
        cr1 = dier = sr = 0;
        pscPreload = psc = 0;
        arrPreload = arr = 0;
        rcr = 0;
        repetitions = 0;
        origin(0);
        updateLines();
    }

    // ---------------------------------------------------------------- registers

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case CR1 -> {
                settle();
                yield cr1 & ~DIR | (countingDown() ? DIR : 0);
            }
            case DIER -> dier;
            case SR -> {
                settle();
                yield sr;
            }
            case EGR -> 0;
            case CNT -> counter();
            case PSC -> pscPreload;
            case ARR -> arrPreload;
            case RCR -> kind == Kind.ADVANCED ? rcr : 0;
            default -> offset < 0x50 ? plain[offset / 4] : 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        settle();
        switch (offset) {
            case CR1 -> writeCr1(value & (kind == Kind.BASIC ? 0x8F : 0x3FF));
            case DIER -> dier = value & 0x7FFF;
            case SR -> sr &= value | ~0x1EFF;
            case EGR -> generate(value & 0xFF);
            case CNT -> {
                int v = value & 0xFFFF;
                origin(downCounter() ? Math.max(arr - v, 0) : v);
            }
            case PSC -> pscPreload = value & 0xFFFF;
            case ARR -> {
                arrPreload = value & 0xFFFF;
                if ((cr1 & 1 << 7) == 0) { // ARPE clear: ARR takes effect at once
                    long p = position();
                    arr = arrPreload;
                    origin(p);
                }
            }
            case RCR -> rcr = value & 0xFF;
            default -> {
                if (offset < 0x50) {
                    plain[offset / 4] = value & 0xFFFF;
                }
            }
        }
        updateLines();
        reschedule();
    }

    private void writeCr1(int value) {
        long p = position();
        cr1 = value;
        origin(p);
    }

    private void generate(int egr) {
        if ((egr & UG) != 0) {
            repetitions = 0;
            if ((cr1 & UDIS) == 0) {
                loadShadows();
                if ((cr1 & URS) == 0) {
                    sr |= UIF;
                }
            }
            origin(0);
        }
        sr |= egr & 0x5E; // CCxG, TG set their flags
    }

    // ---------------------------------------------------------------- counting

    private boolean counting() {
        return (cr1 & CEN) != 0 && arr != 0;
    }

    private boolean downCounter() {
        return (cr1 & CMS) == 0 && (cr1 & DIR) != 0 && kind != Kind.BASIC;
    }

    private boolean countingDown() {
        if ((cr1 & CMS) == 0) {
            return downCounter();
        }
        return position() % (2L * Math.max(arr, 1)) >= arr;
    }

    /** Counter ticks between two update boundaries: ARR + 1, or ARR when centre-aligned. */
    private long period() {
        return (cr1 & CMS) != 0 ? arr : arr + 1L;
    }

    /** Ticks of the counter since it last wrapped (up: CNT, down: ARR - CNT, centre: 0 … 2·ARR). */
    private long position() {
        long p = originPosition + (counting() ? ticks(clock.nanos() - originNanos) : 0);
        if (!counting() || (cr1 & CMS) != 0) {
            return (cr1 & CMS) != 0 && arr != 0 ? p % (2L * arr) : p;
        }
        return p % period();
    }

    private long ticks(long nanos) {
        return mulDiv(nanos, originHz, 1_000_000_000L * (psc + 1L), false);
    }

    private long nanosFor(long ticks) {
        return mulDiv(ticks, 1_000_000_000L * (psc + 1L), originHz, true);
    }

    private void origin(long position) {
        originNanos = clock.nanos();
        originHz = Math.max(1, timerClockHz.getAsLong());
        originPosition = position;
        boundariesDone = counting() ? originPosition / period() : 0;
    }

    /** Handles the update boundaries the counter has passed since the origin (RM0008 §15.3.2). */
    private void settle() {
        while (counting()) {
            long absolute = originPosition + ticks(clock.nanos() - originNanos);
            long boundaries = absolute / period();
            if (boundaries <= boundariesDone) {
                return;
            }
            long perUpdate = kind == Kind.ADVANCED ? rcr + 1L : 1L;
            long untilUpdate = perUpdate - repetitions;
            if (boundariesDone + untilUpdate > boundaries) {
                repetitions += boundaries - boundariesDone;
                boundariesDone = boundaries;
                return;
            }
            long updateAt = boundariesDone + untilUpdate;
            repetitions = 0;
            if ((cr1 & UDIS) != 0) {
                repetitions = (boundaries - updateAt) % perUpdate;
                boundariesDone = boundaries;
                return;
            }
            sr |= UIF;
            long oldPeriod = period();
            int oldPsc = psc;
            loadShadows();
            boolean oneShot = (cr1 & OPM) != 0;
            if (!oneShot && psc == oldPsc && period() == oldPeriod) {
                repetitions = (boundaries - updateAt) % perUpdate;
                boundariesDone = boundaries;
                return;
            }
            long updateTicks = updateAt * oldPeriod - originPosition;
            long at = originNanos + mulDiv(updateTicks, 1_000_000_000L * (oldPsc + 1L), originHz, true);
            boolean top = (cr1 & CMS) != 0 && updateAt % 2 == 1;
            if (oneShot) {
                cr1 &= ~CEN;
            }
            originNanos = at;
            originPosition = top ? arr : 0;
            boundariesDone = counting() ? originPosition / period() : 0;
        }
    }

    private void loadShadows() {
        psc = pscPreload;
        arr = arrPreload;
    }

    /** a·b/c rounded down or up, exact (no floating point, so an event lands on its boundary). */
    static long mulDiv(long a, long b, long c, boolean up) {
        if (Math.multiplyHigh(a, b) == 0 && a * b >= 0) {
            long product = a * b;
            long q = product / c;
            return up && q * c != product ? q + 1 : q;
        }
        java.math.BigInteger[] qr = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
                .divideAndRemainder(java.math.BigInteger.valueOf(c));
        long q = qr[0].longValueExact();
        return up && qr[1].signum() != 0 ? q + 1 : q;
    }

    // ---------------------------------------------------------------- interrupts

    private void reschedule() {
        cancelEvent();
        if (!counting() || (dier & UIE) == 0) {
            return;
        }
        long next = (boundariesDone + 1) * period() - originPosition;
        long at = originNanos + nanosFor(next);
        updateEvent = clock.schedule(at, () -> {
            updateEvent = null;
            settle();
            updateLines();
            reschedule();
        });
    }

    private void cancelEvent() {
        if (updateEvent != null) {
            updateEvent.cancel();
            updateEvent = null;
        }
    }

    private void updateLines() {
        int active = sr & dier;
        boolean update = (active & UIF) != 0;
        boolean other = (active & 0x5E) != 0;
        if (updateIrq == otherIrq) {
            update |= other;
            other = false;
        }
        if (update != updateLineHigh) {
            updateLineHigh = update;
            lines.setLine(updateIrq, update);
        }
        if (updateIrq != otherIrq && other != otherLineHigh) {
            otherLineHigh = other;
            lines.setLine(otherIrq, other);
        }
    }
}
