package io.blueflash.sim.cpu;

/**
 * The SysTick timer (ARMv7-M ARM B3.3; facts §3.5): a 24-bit down-counter clocked by HCLK
 * (CLKSOURCE = 1) or by the STM32F1's external reference HCLK/8 (CLKSOURCE = 0). It counts the
 * core's own cycles, so it stops while the core is halted in debug state, as the architecture
 * says, and the core's run loop stops exactly at the cycle where it reaches zero
 * ({@link #dueCycle()}) rather than waiting for a clock event.
 *
 * <p>Ticks happen where {@code cycles / divider} increments. Counting from 1 to 0 sets COUNTFLAG
 * and, with TICKINT, pends exception 15; the tick after 0 reloads LOAD (period LOAD + 1). A write
 * to VAL clears it and COUNTFLAG. CALIB reports TENMS = 9000 (PM0056, 1 ms at 9 MHz = 72 MHz / 8).
 */
final class SysTick {

    static final int CTRL = 0x10, LOAD = 0x14, VAL = 0x18, CALIB = 0x1C;
    static final int ENABLE = 1, TICKINT = 1 << 1, CLKSOURCE = 1 << 2, COUNTFLAG = 1 << 16;
    static final int TENMS = 9000;

    private final CoreTime time;
    private final Nvic nvic;
    private int ctrl;
    private int load;
    /** Counter value at tick {@link #baseTick} (valid while enabled; the value itself while disabled). */
    private int baseValue;
    private long baseTick;
    private boolean countFlag;
    private long dueCycle = Long.MAX_VALUE;

    SysTick(CoreTime time, Nvic nvic) {
        this.time = time;
        this.nvic = nvic;
    }

    void reset() {
        ctrl = 0;
        load = 0;
        baseValue = 0;
        countFlag = false;
        dueCycle = Long.MAX_VALUE;
    }

    /** The core cycle at which the counter next goes from 1 to 0 (Long.MAX_VALUE if never). */
    long dueCycle() {
        return dueCycle;
    }

    /** Called by the core once {@code cycles >= dueCycle()}: COUNTFLAG, maybe pend SysTick, next period. */
    void expire() {
        countFlag = true;
        if ((ctrl & TICKINT) != 0) {
            nvic.setPending(Nvic.SYSTICK);
        }
        normalise(dueTick());
        schedule();
    }

    private int divider() {
        return (ctrl & CLKSOURCE) != 0 ? 1 : 8;
    }

    private long tickNow() {
        return time.cycles / divider();
    }

    private long dueTick() {
        return dueCycle / divider();
    }

    /** Counter value at {@code tick} (enabled). */
    private int valueAt(long tick) {
        long elapsed = tick - baseTick;
        if (elapsed <= baseValue) {
            return (int) (baseValue - elapsed);
        }
        if (load == 0) {
            return 0;
        }
        long k = (elapsed - baseValue - 1) % (load + 1L);
        return (int) (load - k);
    }

    /** Moves the base to {@code tick} (counter value computed there). */
    private void normalise(long tick) {
        if ((ctrl & ENABLE) != 0) {
            baseValue = valueAt(tick);
            baseTick = tick;
        }
    }

    private void schedule() {
        if ((ctrl & ENABLE) == 0) {
            dueCycle = Long.MAX_VALUE;
            return;
        }
        long ticksToZero;
        if (baseValue > 0) {
            ticksToZero = baseValue;
        } else if (load > 0) {
            ticksToZero = load + 1L;
        } else {
            dueCycle = Long.MAX_VALUE;
            return;
        }
        dueCycle = (baseTick + ticksToZero) * divider();
    }

    int read(int offset) {
        return switch (offset) {
            case CTRL -> {
                int value = ctrl | (countFlag ? COUNTFLAG : 0);
                countFlag = false;
                yield value;
            }
            case LOAD -> load;
            case VAL -> (ctrl & ENABLE) != 0 ? valueAt(tickNow()) : baseValue;
            case CALIB -> TENMS;
            default -> 0;
        };
    }

    void write(int offset, int value) {
        switch (offset) {
            case CTRL -> {
                normalise(tickNow());
                ctrl = value & (ENABLE | TICKINT | CLKSOURCE);
                baseTick = tickNow();
            }
            case LOAD -> {
                normalise(tickNow());
                load = value & 0xFF_FFFF;
            }
            case VAL -> {
                baseValue = 0;
                baseTick = tickNow();
                countFlag = false;
            }
            default -> { }
        }
        schedule();
    }
}
