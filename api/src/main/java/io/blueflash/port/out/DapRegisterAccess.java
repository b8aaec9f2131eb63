package io.blueflash.port.out;

/**
 * Raw ADIv5 DP and AP register transactions as they cross the SWD wire (facts §C.2, §C.3).
 *
 * <p>Wire semantics are kept: an AP read returns the result of the <em>previous</em> AP read
 * (posted reads; fetch the last one with a DP RDBUFF read), the caller selects the AP and its
 * register bank by writing DP SELECT, and sticky errors stay set until ABORT is written.
 * Implementations retry WAIT acknowledgements (bounded, then {@link DapWaitTimeoutException}) and
 * report a FAULT acknowledgement as {@link DapFaultException}; a missing or garbled reply is a
 * {@link TargetCommunicationException}. Only adapters and {@code debug.adi} see this port.
 */
public interface DapRegisterAccess {

    /** DP register addresses (A[3:2] on the wire). */
    int DP_DPIDR = 0x0, DP_ABORT = 0x0, DP_CTRL_STAT = 0x4, DP_RESEND = 0x8, DP_SELECT = 0x8, DP_RDBUFF = 0xC;

    int readDp(int address);

    void writeDp(int address, int value);

    /** AP register read at A[3:2] of the bank chosen by SELECT; returns the posted (previous) value. */
    int readAp(int address);

    void writeAp(int address, int value);

    /** Line reset (≥50 ones, idle) followed by the mandatory DPIDR read; returns DPIDR. */
    int lineReset();
}
