package io.blueflash.debug.adi;

import io.blueflash.model.TraceSink;
import io.blueflash.trace.TraceOperation;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The SW-DP seen through {@link DapRegisterAccess}: power-up handshake, sticky-error recovery, and
 * AP register access with SELECT banking and posted-read completion (facts §C.2, §C.3).
 *
 * <p>Remembers the last SELECT it wrote so consecutive accesses to one AP bank cost no extra
 * transaction; every user of one wire must therefore share one {@code DebugPort}.
 * Not thread-safe: one session drives one wire.
 */
public final class DebugPort {

    /** BMP waits up to 250 ms for the power-up acknowledges (facts §C.2). */
    private static final PollBudget POWER_UP_BUDGET = new PollBudget(50, Duration.ofMillis(250));

    private final DapRegisterAccess dap;
    private final PollBudget powerUpBudget;
    private final TraceSink trace;
    private boolean selectKnown;
    private int select;

    public DebugPort(DapRegisterAccess dap) {
        this(dap, POWER_UP_BUDGET);
    }

    public DebugPort(DapRegisterAccess dap, PollBudget powerUpBudget) {
        this(dap, powerUpBudget, TraceSink.NONE);
    }

    /** @param trace hears the connect and power-up steps before their transactions */
    public DebugPort(DapRegisterAccess dap, TraceSink trace) {
        this(dap, POWER_UP_BUDGET, trace);
    }

    private DebugPort(DapRegisterAccess dap, PollBudget powerUpBudget, TraceSink trace) {
        this.dap = Objects.requireNonNull(dap, "'dap' must not be null");
        this.powerUpBudget = Objects.requireNonNull(powerUpBudget, "'powerUpBudget' must not be null");
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
    }

    /** The raw wire, for posted-read runs that must not add an RDBUFF read per access. */
    public DapRegisterAccess registers() {
        return dap;
    }

    /**
     * Line reset + DPIDR read, sticky flags cleared, debug and system domains powered up.
     *
     * @return DPIDR (0x1BA0_1477 on a genuine STM32F1, 0x2BA0_1477 on CKS32/APM32; facts §C.5)
     */
    public int connect() {
        trace.operation(new TraceOperation.ConnectDebugPort());
        int dpidr = dap.lineReset();
        forgetSelect();
        clearStickyErrors();
        powerUp();
        return dpidr;
    }

    public int readDpidr() {
        return dap.readDp(DapRegisterAccess.DP_DPIDR);
    }

    public int readCtrlStat() {
        return dap.readDp(DapRegisterAccess.DP_CTRL_STAT);
    }

    /**
     * Requests CSYSPWRUPREQ|CDBGPWRUPREQ and waits for both acknowledges (facts §C.2).
     *
     * @throws TargetCommunicationException when the target never acknowledges
     */
    public void powerUp() {
        trace.operation(new TraceOperation.PowerUpDebug());
        dap.writeDp(DapRegisterAccess.DP_CTRL_STAT, DpRegisters.POWER_UP_REQUEST);
        PollBudget.Poll poll = powerUpBudget.start();
        int ctrlStat;
        do {
            ctrlStat = readCtrlStat();
            if ((ctrlStat & DpRegisters.POWER_UP_ACK) == DpRegisters.POWER_UP_ACK) {
                return;
            }
        } while (!poll.spent());
        throw new TargetCommunicationException(String.format(
                "debug power-up not acknowledged after %d reads (CTRL/STAT=0x%08X): check target power "
                        + "and the SWDIO/SWCLK/GND wiring", poll.attempts(), ctrlStat));
    }

    /** Writes ABORT with STKCMPCLR|STKERRCLR|WDERRCLR|ORUNERRCLR; accepted even while FAULTing. */
    public void clearStickyErrors() {
        dap.writeDp(DapRegisterAccess.DP_ABORT, DpRegisters.ABORT_CLEAR_ALL_STICKY);
    }

    /**
     * Recovers after a FAULT acknowledgement (BMP {@code adiv5_swd_clear_error}, facts §C.2): reads
     * CTRL/STAT to learn why, then clears the sticky flags. When even CTRL/STAT cannot be read, a
     * line reset brings the wire back first.
     *
     * @return CTRL/STAT as read before clearing (test {@link DpRegisters#CTRL_STAT_STICKYERR})
     */
    public int recoverFromFault() {
        int ctrlStat;
        try {
            ctrlStat = readCtrlStat();
        } catch (TargetCommunicationException unreadable) {
            dap.lineReset();
            forgetSelect();
            ctrlStat = readCtrlStat();
        }
        clearStickyErrors();
        return ctrlStat;
    }

    /**
     * Abandons a transaction the target keeps answering WAIT to: ABORT.DAPABORT (facts §C.1). Best
     * effort: a target that does not even accept ABORT is left for the caller's error to report.
     */
    public void abandonStuckTransaction() {
        try {
            dap.writeDp(DapRegisterAccess.DP_ABORT, DpRegisters.ABORT_DAPABORT);
        } catch (TargetCommunicationException ignored) {
            // the original WAIT timeout is the error worth reporting
        }
        forgetSelect();
    }

    /** Writes SELECT for AP {@code apsel} and the bank of {@code apRegister}, unless already selected. */
    public void select(int apsel, int apRegister) {
        int wanted = DpRegisters.select(apsel, apRegister);
        if (!selectKnown || select != wanted) {
            dap.writeDp(DapRegisterAccess.DP_SELECT, wanted);
            select = wanted;
            selectKnown = true;
        }
    }

    /** Forgets the cached SELECT (after a line reset or when another party may have written it). */
    public void forgetSelect() {
        selectKnown = false;
    }

    /** Reads an AP register and completes the posted read with RDBUFF (facts §C.3). */
    public int readAp(int apsel, int apRegister) {
        select(apsel, apRegister);
        dap.readAp(apRegister & 0x0C);
        return dap.readDp(DapRegisterAccess.DP_RDBUFF);
    }

    public void writeAp(int apsel, int apRegister, int value) {
        select(apsel, apRegister);
        dap.writeAp(apRegister & 0x0C, value);
    }

    /** Reads RDBUFF: the last posted AP read's value; also makes a posted write complete (§C.3). */
    public int readRdbuff() {
        return dap.readDp(DapRegisterAccess.DP_RDBUFF);
    }
}
