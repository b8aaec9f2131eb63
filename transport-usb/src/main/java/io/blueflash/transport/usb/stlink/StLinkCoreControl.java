package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link CoreControl} with the probe's native commands: DHCSR/DEMCR/AIRCR through
 * READDEBUGREG/WRITEDEBUGREG and core registers through READREG/WRITEREG (facts §C.6, §D.4).
 * Polling loops count probe round trips instead of sleeping: on real USB each poll takes about a
 * millisecond, against the emulator it takes a millisecond of simulated time.
 */
public final class StLinkCoreControl implements CoreControl {

    static final int DHCSR = 0xE000_EDF0, DEMCR = 0xE000_EDFC, AIRCR = 0xE000_ED0C, DFSR = 0xE000_ED30;
    static final int DBGKEY = 0xA05F_0000, C_DEBUGEN = 1, C_HALT = 1 << 1, S_REGRDY = 1 << 16, S_HALT = 1 << 17,
            S_RESET_ST = 1 << 25;
    static final int VC_CORERESET = 1, VC_BUSERR = 1 << 8, VC_HARDERR = 1 << 10, TRCENA = 1 << 24;
    static final int AIRCR_SYSRESETREQ = 0x05FA_0004, DFSR_VCATCH = 1 << 3, DFSR_ALL = 0x1F;
    /** Polls allowed while waiting for S_HALT or reset completion (≈ 500 ms at one poll per ms, facts §C.6). */
    static final int POLLS = 500;

    private final StLinkProtocol protocol;

    public StLinkCoreControl(StLinkProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "'protocol' must not be null");
    }

    @Override
    public void halt() {
        protocol.writeDebugRegister(DHCSR, DBGKEY | C_HALT | C_DEBUGEN);
        pollDhcsr(S_HALT, POLLS, "halt");
    }

    @Override
    public void resume() {
        protocol.writeDebugRegister(DFSR, DFSR_ALL);
        protocol.writeDebugRegister(DHCSR, DBGKEY | C_DEBUGEN);
    }

    @Override
    public boolean isHalted() {
        return (protocol.readDebugRegister(DHCSR) & S_HALT) != 0;
    }

    /**
     * stlink's soft reset-and-halt (facts §C.6): halt, vector catch on reset, SYSRESETREQ, wait for
     * VCATCH, then drop the reset vector catch again.
     */
    @Override
    public void resetAndHalt() {
        protocol.writeDebugRegister(DHCSR, DBGKEY | C_HALT | C_DEBUGEN);
        protocol.writeDebugRegister(DEMCR, TRCENA | VC_HARDERR | VC_BUSERR | VC_CORERESET);
        protocol.writeDebugRegister(DFSR, DFSR_VCATCH);
        protocol.readDebugRegister(DHCSR); // clears the sticky S_RESET_ST
        protocol.writeDebugRegister(AIRCR, AIRCR_SYSRESETREQ);
        for (int poll = 0; poll < POLLS; poll++) {
            int dhcsr = protocol.readDebugRegister(DHCSR);
            if ((dhcsr & S_HALT) != 0 && (protocol.readDebugRegister(DFSR) & DFSR_VCATCH) != 0) {
                // DEMCR survives system resets: leave VC_CORERESET set and the next NRST pulse or
                // reset-and-run stops at the reset vector again (OpenOCD clears it the same way)
                protocol.writeDebugRegister(DEMCR, TRCENA | VC_HARDERR | VC_BUSERR);
                protocol.writeDebugRegister(DFSR, DFSR_ALL);
                return;
            }
        }
        throw new TargetCommunicationException("the core did not halt at the reset vector after SYSRESETREQ"
                + " (no vector catch within " + POLLS + " polls); try --connect-under-reset");
    }

    @Override
    public void resetAndRun() {
        protocol.writeDebugRegister(DEMCR, TRCENA);
        protocol.writeDebugRegister(DFSR, DFSR_ALL);
        protocol.writeDebugRegister(DHCSR, DBGKEY | C_DEBUGEN);
        protocol.writeDebugRegister(AIRCR, AIRCR_SYSRESETREQ);
    }

    @Override
    public int readCoreRegister(int regsel) {
        return protocol.readCoreRegister(regsel);
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        protocol.writeCoreRegister(regsel, value);
    }

    /** Polls DHCSR once per millisecond of {@code timeout} (one USB round trip each). */
    @Override
    public void waitForHalt(Duration timeout) {
        pollDhcsr(S_HALT, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())), "halt within " + timeout);
    }

    private void pollDhcsr(int bit, int polls, String what) {
        for (int poll = 0; poll < polls; poll++) {
            if ((protocol.readDebugRegister(DHCSR) & bit) != 0) {
                return;
            }
        }
        throw new TargetCommunicationException("the core did not " + what + " (DHCSR polled " + polls
                + " times); the target may be held in reset or running with debug disabled");
    }
}
