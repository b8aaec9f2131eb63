package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.InterruptLines;

/**
 * Pending, active, enabled and priority state of every exception (ARMv7-M ARM B1.5.2–B1.5.4;
 * facts §3.1–§3.3): the fixed-priority ones (Reset −3, NMI −2, HardFault −1), the configurable
 * system handlers (SHPR1–3) and {@value #IRQ_LINES} external interrupts (IPR bytes). The STM32F103
 * implements 4 priority bits, so every priority byte keeps only bits [7:4]. PRIGROUP splits the
 * byte into group priority (preemption) and subpriority.
 *
 * <p>As {@link InterruptLines} it is what peripherals drive: a rising line pends its IRQ, and a line
 * still high when its handler returns pends it again (level-sensitive, B3.4.1).
 */
public final class Nvic implements InterruptLines {

    public static final int RESET = 1, NMI = 2, HARD_FAULT = 3, MEM_MANAGE = 4, BUS_FAULT = 5, USAGE_FAULT = 6,
            SVCALL = 11, DEBUG_MONITOR = 12, PENDSV = 14, SYSTICK = 15, IRQ0 = 16;
    /** External interrupt lines modelled (ICTR.INTLINESNUM = 1: 33–64; the XL parts use 60). */
    public static final int IRQ_LINES = 64;
    static final int COUNT = IRQ0 + IRQ_LINES;
    /** Priority bits the STM32F103 implements: [7:4] (facts §3.1). */
    static final int PRIORITY_MASK = 0xF0;

    private final int[] priority = new int[COUNT];
    private final boolean[] pending = new boolean[COUNT];
    private final boolean[] active = new boolean[COUNT];
    private final boolean[] irqEnabled = new boolean[IRQ_LINES];
    private final boolean[] lineHigh = new boolean[IRQ_LINES];
    private boolean memFaultEnabled;
    private boolean busFaultEnabled;
    private boolean usageFaultEnabled;
    private int prigroup;
    private int activeCount;
    private Runnable onChange = () -> { };

    public Nvic() {
        reset();
    }

    /** Called whenever something changes that may make an exception takeable (the core re-checks before its next instruction). */
    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Local reset: nothing pending or active, priorities 0, PRIGROUP 0, configurable faults disabled. */
    void reset() {
        java.util.Arrays.fill(priority, 0);
        java.util.Arrays.fill(pending, false);
        java.util.Arrays.fill(active, false);
        java.util.Arrays.fill(irqEnabled, false);
        priority[RESET] = -3;
        priority[NMI] = -2;
        priority[HARD_FAULT] = -1;
        memFaultEnabled = busFaultEnabled = usageFaultEnabled = false;
        prigroup = 0;
        activeCount = 0;
        onChange.run();
    }

    // ---------------------------------------------------------------- lines (peripherals)

    @Override
    public void setLine(int irq, boolean asserted) {
        if (irq < 0 || irq >= IRQ_LINES) {
            throw new IllegalArgumentException("IRQ " + irq + " is outside 0.." + (IRQ_LINES - 1));
        }
        boolean rising = asserted && !lineHigh[irq];
        lineHigh[irq] = asserted;
        if (rising) {
            setPending(IRQ0 + irq);
        }
    }

    // ---------------------------------------------------------------- states

    public boolean isPending(int exception) {
        return pending[exception];
    }

    public boolean isActive(int exception) {
        return active[exception];
    }

    public void setPending(int exception) {
        if (!pending[exception]) {
            pending[exception] = true;
            onChange.run();
        }
    }

    public void clearPending(int exception) {
        pending[exception] = false;
    }

    void activate(int exception) {
        pending[exception] = false;
        if (!active[exception]) {
            active[exception] = true;
            activeCount++;
        }
    }

    /** Deactivates on exception return; a level-sensitive IRQ whose line is still high pends again. */
    void deactivate(int exception) {
        if (active[exception]) {
            active[exception] = false;
            activeCount--;
        }
        if (exception >= IRQ0 && lineHigh[exception - IRQ0]) {
            pending[exception] = true;
        }
        onChange.run();
    }

    /** AIRCR.VECTCLRACTIVE: every active state cleared (debug use). */
    void clearAllActive() {
        java.util.Arrays.fill(active, false);
        activeCount = 0;
        onChange.run();
    }

    int activeCount() {
        return activeCount;
    }

    /** Enabled in the sense of "can be taken": IRQs by ISER, MemManage/BusFault/UsageFault by SHCSR, the rest always. */
    boolean enabled(int exception) {
        if (exception >= IRQ0) {
            return irqEnabled[exception - IRQ0];
        }
        return switch (exception) {
            case MEM_MANAGE -> memFaultEnabled;
            case BUS_FAULT -> busFaultEnabled;
            case USAGE_FAULT -> usageFaultEnabled;
            default -> true;
        };
    }

    // ---------------------------------------------------------------- priorities

    public int priority(int exception) {
        return priority[exception];
    }

    /** Writes a configurable priority byte (bits [7:4] kept); fixed priorities ignore writes. */
    public void setPriority(int exception, int value) {
        if (exception > HARD_FAULT && exception < COUNT) {
            priority[exception] = value & PRIORITY_MASK;
            onChange.run();
        }
    }

    /** The group (preempting) part of a priority under PRIGROUP; negative fixed priorities unchanged. */
    int groupPriority(int value) {
        if (value < 0) {
            return value;
        }
        return value & ~((2 << prigroup) - 1) & 0xFF;
    }

    public int prigroup() {
        return prigroup;
    }

    void setPrigroup(int value) {
        prigroup = value & 7;
        onChange.run();
    }

    /**
     * The priority the running code has from its active exceptions (B1.5.4): the lowest group
     * priority among them, 256 when none is active (Thread mode, no boost).
     */
    int activePriority() {
        if (activeCount == 0) {
            return 256;
        }
        int best = 256;
        for (int n = 1; n < COUNT; n++) {
            if (active[n]) {
                best = Math.min(best, groupPriority(priority[n]));
            }
        }
        return best;
    }

    /**
     * The pending, enabled exception that would be taken next (lowest priority value, then lowest
     * number), or 0. {@code maskInts} (DHCSR.C_MASKINTS) hides PendSV, SysTick and IRQs.
     */
    int highestPending(boolean maskInts) {
        int best = 0;
        int bestPriority = Integer.MAX_VALUE;
        for (int n = 1; n < COUNT; n++) {
            if (pending[n] && enabled(n) && !(maskInts && (n == PENDSV || n == SYSTICK || n >= IRQ0))
                    && priority[n] < bestPriority) {
                best = n;
                bestPriority = priority[n];
            }
        }
        return best;
    }

    boolean anyPending() {
        for (boolean p : pending) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- registers (E000E100.., SHCSR)

    /** ISERn / ICERn read: enable bits of IRQs 32n..32n+31. */
    int enableWord(int n) {
        return word(irqEnabled, n);
    }

    int pendingWord(int n) {
        return word(pending, IRQ0, n);
    }

    int activeWord(int n) {
        return word(active, IRQ0, n);
    }

    void setEnableBits(int n, int bits, boolean value) {
        for (int i = 0; i < 32; i++) {
            int irq = 32 * n + i;
            if ((bits >>> i & 1) != 0 && irq < IRQ_LINES) {
                irqEnabled[irq] = value;
            }
        }
        onChange.run();
    }

    void setPendingBits(int n, int bits, boolean value) {
        for (int i = 0; i < 32; i++) {
            int irq = 32 * n + i;
            if ((bits >>> i & 1) != 0 && irq < IRQ_LINES) {
                pending[IRQ0 + irq] = value;
            }
        }
        onChange.run();
    }

    /** SHCSR (B3.2.13): enables 18:16, pended 15:12 (SVCALLPENDED 15, BUSFAULTPENDED 14, MEMFAULTPENDED 13, USGFAULTPENDED 12), actives. */
    int shcsr() {
        return (usageFaultEnabled ? 1 << 18 : 0) | (busFaultEnabled ? 1 << 17 : 0) | (memFaultEnabled ? 1 << 16 : 0)
                | (pending[SVCALL] ? 1 << 15 : 0) | (pending[BUS_FAULT] ? 1 << 14 : 0)
                | (pending[MEM_MANAGE] ? 1 << 13 : 0) | (pending[USAGE_FAULT] ? 1 << 12 : 0)
                | (active[SYSTICK] ? 1 << 11 : 0) | (active[PENDSV] ? 1 << 10 : 0)
                | (active[DEBUG_MONITOR] ? 1 << 8 : 0) | (active[SVCALL] ? 1 << 7 : 0)
                | (active[USAGE_FAULT] ? 1 << 3 : 0) | (active[BUS_FAULT] ? 1 << 1 : 0) | (active[MEM_MANAGE] ? 1 : 0);
    }

    void writeShcsr(int value) {
        usageFaultEnabled = (value & 1 << 18) != 0;
        busFaultEnabled = (value & 1 << 17) != 0;
        memFaultEnabled = (value & 1 << 16) != 0;
        pending[SVCALL] = (value & 1 << 15) != 0;
        pending[BUS_FAULT] = (value & 1 << 14) != 0;
        pending[MEM_MANAGE] = (value & 1 << 13) != 0;
        pending[USAGE_FAULT] = (value & 1 << 12) != 0;
        onChange.run();
    }

    private static int word(boolean[] bits, int n) {
        return word(bits, 0, n);
    }

    private static int word(boolean[] bits, int base, int n) {
        int value = 0;
        for (int i = 0; i < 32; i++) {
            int index = base + 32 * n + i;
            if (index < bits.length && bits[index]) {
                value |= 1 << i;
            }
        }
        return value;
    }
}
