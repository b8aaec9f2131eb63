package io.blueflash.sim.debug;

/**
 * The simulated SW-DP at transaction level (facts §C.1–§C.4): one request in, ACK and data out.
 * Each call costs its SWD bits on the chip's clock at the configured SWD frequency. Probe
 * emulators (ST-Link, Black Magic Probe, JTAG bridge) and the sim adapter drive the chip through it.
 */
public interface SwdTransactionPort {

    /**
     * @param ap      true for an AP register (APnDP = 1)
     * @param address A[3:2] as a byte address: 0x0, 0x4, 0x8 or 0xC
     */
    SwdResponse read(boolean ap, int address);

    SwdResponse write(boolean ap, int address, int value);

    /** ≥50 cycles with SWDIO high plus idle: the next transaction must read DPIDR (facts §C.1). */
    void lineReset();
}
