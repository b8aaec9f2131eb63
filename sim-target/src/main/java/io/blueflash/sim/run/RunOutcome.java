package io.blueflash.sim.run;

/** How a {@link FirmwareRun} ended; {@code simNanos} is the simulated instant it ended at. */
public sealed interface RunOutcome {

    long simNanos();

    /** The firmware called semihosting SYS_EXIT / SYS_EXIT_EXTENDED with {@code status}. */
    record Exited(long simNanos, int status) implements RunOutcome {
    }

    /** The simulated duration ran out while the firmware was still running (or asleep). */
    record TimeElapsed(long simNanos) implements RunOutcome {
    }

    /**
     * The core locked up (ARMv7-M B1.5.15: a fault while in HardFault or NMI); it executes nothing
     * more until a reset. CFSR/HFSR name the cause, as a debugger would read them.
     */
    record LockedUp(long simNanos, int cfsr, int hfsr) implements RunOutcome {
    }

    /** The core halted in debug state (a BKPT other than semihosting, with halting debug enabled). */
    record Halted(long simNanos, int pc, int dfsr) implements RunOutcome {
    }
}
