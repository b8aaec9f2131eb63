package io.blueflash.port.out;

import java.time.Duration;

/**
 * Run control of a Cortex-M core (facts §C.6). Built on {@link MemoryAccess} by
 * {@code debug.cortexm.CortexMCoreControl}, or offered natively by probes with core commands.
 */
public interface CoreControl {

    /** Requests a halt (DHCSR C_HALT) and waits until S_HALT is seen. */
    void halt();

    /** Resumes execution (DHCSR C_DEBUGEN only). */
    void resume();

    /**
     * Resumes execution with interrupts masked (DHCSR C_MASKINTS, set while halted): code a tool runs
     * on the core, such as a flash loader, is then not preempted by the firmware's interrupt
     * handlers. Probes whose run control cannot mask interrupts do not offer it.
     *
     * @throws UnsupportedOperationException when this run control cannot mask interrupts
     */
    default void resumeMaskingInterrupts() {
        throw new UnsupportedOperationException("this probe's run control cannot mask interrupts while resuming");
    }

    /** Whether {@link #resumeMaskingInterrupts()} is offered. */
    default boolean canMaskInterrupts() {
        return false;
    }

    boolean isHalted();

    /**
     * Arms ({@code true}) or puts back as they were ({@code false}) the vector catches that halt the
     * core on a fault (DEMCR VC_HARDERR … VC_MMERR, DDI0403E C1.6.5), for code a tool runs on the core.
     * A run control that keeps DEMCR does it with one write; others return false and the caller writes
     * DEMCR itself through the memory access.
     *
     * @return whether this run control did it
     */
    default boolean catchFaults(boolean armed) {
        return false;
    }

    /** Soft reset through AIRCR.SYSRESETREQ with VC_CORERESET: the core stops at the reset vector. */
    void resetAndHalt();

    /** Soft reset through AIRCR.SYSRESETREQ; the core runs the firmware afterwards. */
    void resetAndRun();

    /** Reads a core register by its DCRSR REGSEL number (0–12 R0–R12, 13 SP, 14 LR, 15 PC, 16 xPSR...). */
    int readCoreRegister(int regsel);

    void writeCoreRegister(int regsel, int value);

    /**
     * Reads several core registers (REGSEL numbers as {@link #readCoreRegister}), in the order given.
     * Probes that read all of them in one exchange (a GDB server's {@code g}) do so.
     */
    default int[] readCoreRegisters(int... regsels) {
        int[] values = new int[regsels.length];
        for (int i = 0; i < regsels.length; i++) {
            values[i] = readCoreRegister(regsels[i]);
        }
        return values;
    }

    /** Writes several core registers; probes that write all of them in one exchange ({@code G}) do so. */
    default void writeCoreRegisters(int[] regsels, int[] values) {
        if (regsels.length != values.length) {
            throw new IllegalArgumentException(regsels.length + " registers but " + values.length + " values");
        }
        for (int i = 0; i < regsels.length; i++) {
            writeCoreRegister(regsels[i], values[i]);
        }
    }

    /** Waits for the core to halt (a breakpoint, a vector catch), or throws after {@code timeout}. */
    void waitForHalt(Duration timeout);
}
