package io.blueflash.sim.stlink;

/**
 * What the emulated ST-Link firmware needs from the target side: the SWD work its own firmware
 * does (MEM-AP, core registers, DP/AP registers), the NRST pin, the SWD clock and simulated time.
 * {@link StLinkEmulator} implements it over the simulated chip; decoder tests use a small fake.
 *
 * <p>Failures: {@link TargetFault} for an AP/DP FAULT (with the faulting address where known),
 * {@link TargetWait} when the target kept answering WAIT, {@link TargetUnreachable} when nothing
 * answers on SWD.
 */
interface ProbeTarget {

    /** Line reset, DPIDR read, debug power-up; returns DPIDR. */
    int connect();

    /**
     * Attaches over JTAG instead (the SWJ-DP's JTAG-DP): returns the JTAG IDCODE, and from now on every
     * DP/AP access costs its JTAG scans at the JTAG clock ({@link #setJtagFrequencyHz}).
     */
    default int connectJtag() {
        throw new TargetUnreachable("this target is not wired for JTAG");
    }

    /** The TCK rate of JTAG mode. */
    default void setJtagFrequencyHz(long hz) {
    }

    int readDp(int address);

    void writeDp(int address, int value);

    int readAp(int apsel, int address);

    void writeAp(int apsel, int address, int value);

    byte[] readBlock(int address, int length, int width);

    void writeBlock(int address, byte[] data, int width);

    int readCoreRegister(int regsel);

    void writeCoreRegister(int regsel, int value);

    void setNrst(boolean asserted);

    void setSwdFrequencyHz(long hz);

    /** Simulated time passes (USB overhead, NRST pulse width). */
    void advanceNanos(long nanos);

    long nanos();

    /** An AP or DP FAULT; {@code address} is the bus address for memory accesses. */
    final class TargetFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int address;
        final boolean dp;

        TargetFault(int address, boolean dp, String message) {
            super(message);
            this.address = address;
            this.dp = dp;
        }
    }

    /** The target kept answering WAIT beyond the firmware's patience. */
    final class TargetWait extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int address;
        final boolean dp;

        TargetWait(int address, boolean dp, String message) {
            super(message);
            this.address = address;
            this.dp = dp;
        }
    }

    /** No answer on the SWD lines (no target, no power, SWD disabled). */
    final class TargetUnreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TargetUnreachable(String message) {
            super(message);
        }
    }
}
