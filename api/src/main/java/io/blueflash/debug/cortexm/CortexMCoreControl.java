package io.blueflash.debug.cortexm;

import io.blueflash.model.TraceSink;
import io.blueflash.trace.TraceOperation;
import static io.blueflash.debug.cortexm.CortexMRegisters.*;

import io.blueflash.model.PollBudget;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link CoreControl} of a Cortex-M3 through its debug registers (facts §C.6): the one place that
 * holds the Cortex-M run-control rules for every probe. DEMCR is read and restored around a reset
 * (other debuggers' and the user's bits survive), bus faults while the system resets count as "not
 * yet", and every wait is bounded by a {@link PollBudget}. Probes with native commands pass them in
 * ({@link DebugRegisters}, {@link CoreRegisterTransfer}): they accelerate the rules, not replace them.
 * Core registers need a halted core; asking otherwise is an {@link IllegalStateException}, because
 * DCRSR transfers are undefined while it runs. Once this class has seen the core halted (S_HALT read,
 * or a halt or reset-halt it made), it does not read DHCSR again (before a core-register transfer, or
 * when asked whether the core is halted) until it lets the core run, and it reads DEMCR once per
 * session and then keeps the value it wrote: every probe command is a USB round trip on an ST-Link.
 * Only this class writes DEMCR during a session; {@link #catchFaults} arms the fault vector catches
 * for code a tool runs.
 */
public final class CortexMCoreControl implements CoreControl {

    /** stlink waits 500 ms for the reset-halt vector catch (facts §C.6). */
    private static final PollBudget DEFAULT_BUDGET = new PollBudget(100, Duration.ofMillis(500));

    private final DebugRegisters registers;
    private final PollBudget budget;
    private final CoreRegisterTransfer transfer;
    private final TraceSink trace;
    /** This class saw S_HALT and has not let the core run since. */
    private boolean seenHalted;
    /**
     * The core stopped at its reset vector by {@link #resetAndHalt} and has not run since: no interrupt is
     * enabled yet (NVIC_ISERx and SYST_CSR reset to 0, DDI0403E B3.4.3, B3.3.3) unless a debugger wrote them.
     */
    private boolean atResetVector;
    /** DEMCR as this class last read or wrote it; null until first needed. */
    private Integer demcr;
    /**
     * DEMCR as a reset-halt must leave it (VC_CORERESET off), not yet written: the next DEMCR write carries
     * it, or {@link #settle()} before the core may run; null when nothing is owed.
     */
    private Integer demcrOwed;
    /** DEMCR before {@link #catchFaults} armed the fault catches; null while they are not armed. */
    private Integer demcrBeforeFaultCatch;

    public CortexMCoreControl(MemoryAccess memory) {
        this(memory, DEFAULT_BUDGET);
    }

    /** @param trace hears the halt and reset steps before their register accesses */
    public CortexMCoreControl(MemoryAccess memory, TraceSink trace) {
        this(DebugRegisters.over(memory), DEFAULT_BUDGET, null, trace);
    }

    /** @param budget how long to poll DHCSR for S_HALT / S_REGRDY */
    public CortexMCoreControl(MemoryAccess memory, PollBudget budget) {
        this(DebugRegisters.over(memory), budget, null);
    }

    /**
     * Run control over a probe's own debug-register commands, with its own core-register transfer.
     *
     * @param transfer the probe's core-register command, or null for the DCRSR / DCRDR handshake
     */
    public CortexMCoreControl(DebugRegisters registers, PollBudget budget, CoreRegisterTransfer transfer) {
        this(registers, budget, transfer, TraceSink.NONE);
    }

    /** As {@link #CortexMCoreControl(DebugRegisters, PollBudget, CoreRegisterTransfer)}, its steps heard by {@code trace}. */
    public CortexMCoreControl(DebugRegisters registers, PollBudget budget, CoreRegisterTransfer transfer,
                              TraceSink trace) {
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
        this.registers = Objects.requireNonNull(registers, "'registers' must not be null");
        this.budget = Objects.requireNonNull(budget, "'budget' must not be null");
        this.transfer = transfer;
    }

    /** The budget used when a caller names none: stlink's 500 ms for the reset-halt vector catch. */
    public static PollBudget defaultBudget() {
        return DEFAULT_BUDGET;
    }

    /** DHCSR ← DBGKEY|C_HALT|C_DEBUGEN, then waits for S_HALT. */
    @Override
    public void halt() {
        atResetVector &= seenHalted;
        trace.operation(new TraceOperation.HaltCore());
        registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_HALT | DHCSR_C_DEBUGEN);
        pollDhcsr(DHCSR_S_HALT, budget, "the core to halt (DHCSR.S_HALT)");
        seenHalted = true;
    }

    /** DHCSR ← DBGKEY|C_DEBUGEN: clears C_HALT (and C_MASKINTS), debug stays enabled. */
    @Override
    public void resume() {
        settle();
        seenHalted = false;
        atResetVector = false;
        registers.write(DFSR, DFSR_CLEAR_ALL);
        registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_DEBUGEN);
    }

    /**
     * DHCSR ← DBGKEY|C_HALT|C_MASKINTS|C_DEBUGEN (C_MASKINTS may change only while halted, DDI0403E
     * C1.6.3), DFSR cleared, then DBGKEY|C_MASKINTS|C_DEBUGEN: runs with PendSV, SysTick and IRQs masked,
     * as stlink runs its flash loader. Right after {@link #resetAndHalt} nothing can interrupt (no
     * interrupt is enabled yet) and DFSR holds only the reset's catch, so the first such run is one write,
     * DBGKEY|C_DEBUGEN; the runs after it mask, for the code run may have enabled something.
     */
    @Override
    public void resumeMaskingInterrupts() {
        settle();
        seenHalted = false;
        if (atResetVector) {
            atResetVector = false;
            registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_DEBUGEN);
            return;
        }
        registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_HALT | DHCSR_C_MASKINTS | DHCSR_C_DEBUGEN);
        registers.write(DFSR, DFSR_CLEAR_ALL);
        registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_MASKINTS | DHCSR_C_DEBUGEN);
    }

    @Override
    public boolean canMaskInterrupts() {
        return true;
    }

    /**
     * Tells this run control that the core may run without its doing (a probe command that cleared
     * C_HALT, an NRST pulse): the next core-register transfer reads DHCSR again. What a reset-halt owes
     * DEMCR is written first, so that the reset runs the firmware; a target that cannot take it does
     * not stop the caller's NRST.
     */
    public void forgetHalted() {
        seenHalted = false;
        atResetVector = false;
        try {
            settle();
        } catch (TargetCommunicationException unreachable) {
            // NRST comes next whatever DEMCR says: a pulse must still reach a target its debug port cannot
        }
    }

    /**
     * True without a probe command while this class holds the core halted (it saw S_HALT and has not let
     * it run since); otherwise DHCSR.S_HALT as read now.
     */
    @Override
    public boolean isHalted() {
        if (!seenHalted) {
            seenHalted = (registers.read(DHCSR) & DHCSR_S_HALT) != 0;
        }
        return seenHalted;
    }

    /**
     * stlink's {@code stlink_soft_reset(halt)} sequence: halt, arm VC_CORERESET, clear DFSR.VCATCH,
     * SYSRESETREQ, wait for the vector catch; DEMCR is then owed its value without VC_CORERESET, written
     * with the next DEMCR write (a flash loader's fault catches) or before the core may run, at the
     * latest by {@link #settle()} when the session ends. DFSR.VCATCH alone tells that the core
     * stopped at the reset vector: it is set only by a halt on a vector catch (DDI0403E C1.6.2), and was
     * cleared before the reset (which does not clear it). DFSR is left as the catch set it (the halt's
     * reason, for whoever asks); every resume clears it first.
     */
    @Override
    public void resetAndHalt() {
        trace.operation(new TraceOperation.ResetAndHalt());
        seenHalted = false;
        atResetVector = false;
        registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_HALT | DHCSR_C_DEBUGEN);
        int found = demcr();
        writeDemcr(found | DEMCR_TRCENA | DEMCR_VC_HARDERR | DEMCR_VC_BUSERR | DEMCR_VC_CORERESET);
        registers.write(DFSR, DFSR_VCATCH);
        requestSystemReset();
        PollBudget.Poll poll = budget.start();
        while (!stoppedAtResetVector()) {
            if (poll.spent()) {
                throw new TargetCommunicationException(TargetCommunicationException.Reason.STUCK_IN_RESET, String.format(
                        "the core did not stop at the reset vector after SYSRESETREQ (%d polls): the target "
                                + "may hold NRST, or its firmware disables SWD",
                        poll.attempts()));
            }
        }
        seenHalted = true;
        demcrOwed = found & ~DEMCR_VC_CORERESET | DEMCR_TRCENA;
        atResetVector = true;
    }

    /** Disarms VC_CORERESET, lets the core run, then SYSRESETREQ: the firmware starts from reset. */
    @Override
    public void resetAndRun() {
        trace.operation(new TraceOperation.ResetAndRun());
        seenHalted = false;
        atResetVector = false;
        writeDemcr(demcr() & ~DEMCR_VC_CORERESET);    // carries what a reset-halt owed
        registers.write(DFSR, DFSR_CLEAR_ALL);
        registers.write(DHCSR, DHCSR_DBGKEY | DHCSR_C_DEBUGEN);
        requestSystemReset();
        PollBudget.Poll poll = budget.start();
        while (!readable()) {                                        // also consumes S_RESET_ST
            if (poll.spent()) {
                throw new TargetCommunicationException(TargetCommunicationException.Reason.STUCK_IN_RESET, String.format(
                        "the target did not answer after SYSRESETREQ (%d polls): check its power and NRST",
                        poll.attempts()));
            }
        }
    }

    /**
     * Arms (VC_HARDERR … VC_MMERR, DDI0403E C1.6.5) or puts back as they were the fault vector catches,
     * so that code a tool runs stops at the fault instead of running the firmware's handler. One DEMCR
     * write: the value is known from this session's first read.
     */
    @Override
    public boolean catchFaults(boolean armed) {
        if (armed && demcrBeforeFaultCatch == null) {
            demcrBeforeFaultCatch = demcr();
            writeDemcr(demcrBeforeFaultCatch | DEMCR_VECTOR_CATCH_FAULTS);
        } else if (!armed && demcrBeforeFaultCatch != null) {
            int before = demcrBeforeFaultCatch;
            demcrBeforeFaultCatch = null;
            writeDemcr(before);
        }
        return true;
    }

    /**
     * Writes what a reset-halt owes DEMCR (VC_CORERESET off), if anything: adapters call it before the
     * session ends and before they let the core run by other means (NRST), so that a later reset runs
     * the firmware instead of stopping at the reset vector.
     */
    public void settle() {
        if (demcrOwed != null) {
            writeDemcr(demcrOwed);
        }
    }

    /** DEMCR as this session knows it: a value owed counts as written. */
    private int demcr() {
        if (demcrOwed != null) {
            return demcrOwed;
        }
        if (demcr == null) {
            demcr = registers.read(DEMCR);
        }
        return demcr;
    }

    private void writeDemcr(int value) {
        demcr = null;                               // unknown should the write fail
        demcrOwed = null;
        registers.write(DEMCR, value);
        demcr = value;
    }

    /** DFSR.VCATCH; a bus error while the reset is still in progress counts as "not yet". */
    private boolean stoppedAtResetVector() {
        try {
            return (registers.read(DFSR) & DFSR_VCATCH) != 0;
        } catch (MemoryFaultException stillInReset) {
            return false;
        }
    }

    private boolean readable() {
        try {
            registers.read(DHCSR);
            return true;
        } catch (MemoryFaultException stillInReset) {
            return false;
        }
    }

    @Override
    public int readCoreRegister(int regsel) {
        checkRegsel(regsel);
        requireHalted();
        if (transfer != null) {
            return transfer.readCoreRegister(regsel);
        }
        registers.write(DCRSR, regsel);
        pollDhcsr(DHCSR_S_REGRDY, budget, "core register " + regsel + " (DHCSR.S_REGRDY)");
        return registers.read(DCRDR);
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        checkRegsel(regsel);
        requireHalted();
        if (transfer != null) {
            transfer.writeCoreRegister(regsel, value);
            return;
        }
        registers.write(DCRDR, value);
        registers.write(DCRSR, DCRSR_REGWNR | regsel);
        pollDhcsr(DHCSR_S_REGRDY, budget, "core register " + regsel + " (DHCSR.S_REGRDY)");
    }

    @Override
    public void waitForHalt(Duration timeout) {
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        pollDhcsr(DHCSR_S_HALT, new PollBudget(1, timeout), "the core to halt within " + timeout);
        seenHalted = true;
    }

    /**
     * AIRCR ← VECTKEY|SYSRESETREQ. The reset may tear down the bus transaction that requested it,
     * so an error on this one write is expected on some parts and ignored; the caller's poll decides.
     */
    private void requestSystemReset() {
        try {
            registers.write(AIRCR, AIRCR_VECTKEY | AIRCR_SYSRESETREQ);
        } catch (TargetCommunicationException resetTornDown) {
            // the reset itself may abort the acknowledgement of the write that caused it
        }
    }

    private void requireHalted() {
        if (!seenHalted && !isHalted()) {
            throw new IllegalStateException("core registers can only be accessed while the core is halted: halt() first");
        }
    }

    private static void checkRegsel(int regsel) {
        if (regsel < 0 || regsel > 0x7F) {
            throw new IllegalArgumentException("DCRSR REGSEL must be 0..127: " + regsel);
        }
    }

    private int pollDhcsr(int mask, PollBudget pollBudget, String what) {
        PollBudget.Poll poll = pollBudget.start();
        while (true) {
            int dhcsr = registers.read(DHCSR);
            if ((dhcsr & mask) == mask) {
                return dhcsr;
            }
            if (poll.spent()) {
                throw new TargetCommunicationException(String.format(
                        "timed out waiting for %s after %d polls (DHCSR=0x%08X)", what, poll.attempts(), dhcsr));
            }
        }
    }
}
