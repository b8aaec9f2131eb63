package io.blueflash.sim.cpu;

/**
 * The host side of ARM semihosting (BKPT 0xAB; "Semihosting for AArch32 and AArch64", ARM
 * IHI 0075; facts §4.5), for a chip configured to service it itself instead of halting for an
 * attached debugger: console output and the program's exit. Off by default
 * ({@link CortexM3Core#setSemihosting}), so OpenOCD sees the BKPT halt as on silicon.
 */
public interface Semihosting {

    /** Bytes the program wrote to its console (SYS_WRITEC, SYS_WRITE0, SYS_WRITE to fd 1 or 2). */
    void console(byte[] bytes, boolean stderr);

    /**
     * SYS_EXIT / SYS_EXIT_EXTENDED: the program ended with {@code status} (0 for
     * ADP_Stopped_ApplicationExit without a sub-code, the sub-code with EXIT_EXTENDED, 1 for any
     * other reason). The core halts at the BKPT.
     */
    void exit(int status, int reason);

    /** SYS_TIME: seconds since 1970; the default is the host's wall clock. */
    default long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
