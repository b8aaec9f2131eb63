package io.blueflash.debug.cortexm;

import static io.blueflash.debug.cortexm.CortexMRegisters.*;

import io.blueflash.model.PollBudget;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCommunicationException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link CoreControl} of a Cortex-M3 through its debug registers, over any {@link MemoryAccess}
 * (facts §C.6). Core registers need a halted core; asking otherwise is an
 * {@link IllegalStateException}, because DCRSR transfers are undefined while it runs.
 */
public final class CortexMCoreControl implements CoreControl {

    /** stlink waits 500 ms for the reset-halt vector catch (facts §C.6). */
    private static final PollBudget DEFAULT_BUDGET = new PollBudget(100, Duration.ofMillis(500));

    private final MemoryAccess memory;
    private final PollBudget budget;

    public CortexMCoreControl(MemoryAccess memory) {
        this(memory, DEFAULT_BUDGET);
    }

    /** @param budget how long to poll DHCSR for S_HALT / S_REGRDY */
    public CortexMCoreControl(MemoryAccess memory, PollBudget budget) {
        this.memory = Objects.requireNonNull(memory, "'memory' must not be null");
        this.budget = Objects.requireNonNull(budget, "'budget' must not be null");
    }

    /** DHCSR ← DBGKEY|C_HALT|C_DEBUGEN, then waits for S_HALT. */
    @Override
    public void halt() {
        memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_HALT | DHCSR_C_DEBUGEN);
        pollDhcsr(DHCSR_S_HALT, budget, "the core to halt (DHCSR.S_HALT)");
    }

    /** DHCSR ← DBGKEY|C_DEBUGEN: clears C_HALT (and C_MASKINTS), debug stays enabled. */
    @Override
    public void resume() {
        memory.write32(DFSR, DFSR_CLEAR_ALL);
        memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_DEBUGEN);
    }

    @Override
    public boolean isHalted() {
        return (memory.read32(DHCSR) & DHCSR_S_HALT) != 0;
    }

    /**
     * stlink's {@code stlink_soft_reset(halt)} sequence: halt, arm VC_CORERESET, clear DFSR and
     * S_RESET_ST, SYSRESETREQ, wait for the vector catch, then restore DEMCR and clear DFSR.
     */
    @Override
    public void resetAndHalt() {
        memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_HALT | DHCSR_C_DEBUGEN);
        int demcr = memory.read32(DEMCR);
        memory.write32(DEMCR, demcr | DEMCR_TRCENA | DEMCR_VC_HARDERR | DEMCR_VC_BUSERR | DEMCR_VC_CORERESET);
        memory.write32(DFSR, DFSR_VCATCH);
        memory.read32(DHCSR);                                        // clears S_RESET_ST
        requestSystemReset();
        PollBudget.Poll poll = budget.start();
        while (!stoppedAtResetVector()) {
            if (poll.spent()) {
                throw new TargetCommunicationException(String.format(
                        "the core did not stop at the reset vector after SYSRESETREQ (%d polls): the target "
                                + "may hold NRST, or its firmware disables SWD; try --connect-under-reset",
                        poll.attempts()));
            }
        }
        memory.write32(DEMCR, demcr & ~DEMCR_VC_CORERESET | DEMCR_TRCENA);
        memory.write32(DFSR, DFSR_CLEAR_ALL);
    }

    /** Disarms VC_CORERESET, lets the core run, then SYSRESETREQ: the firmware starts from reset. */
    @Override
    public void resetAndRun() {
        int demcr = memory.read32(DEMCR);
        memory.write32(DEMCR, demcr & ~DEMCR_VC_CORERESET);
        memory.write32(DFSR, DFSR_CLEAR_ALL);
        memory.write32(DHCSR, DHCSR_DBGKEY | DHCSR_C_DEBUGEN);
        requestSystemReset();
        PollBudget.Poll poll = budget.start();
        while (!readable()) {                                        // also consumes S_RESET_ST
            if (poll.spent()) {
                throw new TargetCommunicationException(String.format(
                        "the target did not answer after SYSRESETREQ (%d polls): check its power and NRST",
                        poll.attempts()));
            }
        }
    }

    /** DFSR.VCATCH and S_HALT; a bus error while the reset is still in progress counts as "not yet". */
    private boolean stoppedAtResetVector() {
        try {
            return (memory.read32(DFSR) & DFSR_VCATCH) != 0 && isHalted();
        } catch (MemoryFaultException stillInReset) {
            return false;
        }
    }

    private boolean readable() {
        try {
            memory.read32(DHCSR);
            return true;
        } catch (MemoryFaultException stillInReset) {
            return false;
        }
    }

    @Override
    public int readCoreRegister(int regsel) {
        checkRegsel(regsel);
        requireHalted();
        memory.write32(DCRSR, regsel);
        pollDhcsr(DHCSR_S_REGRDY, budget, "core register " + regsel + " (DHCSR.S_REGRDY)");
        return memory.read32(DCRDR);
    }

    @Override
    public void writeCoreRegister(int regsel, int value) {
        checkRegsel(regsel);
        requireHalted();
        memory.write32(DCRDR, value);
        memory.write32(DCRSR, DCRSR_REGWNR | regsel);
        pollDhcsr(DHCSR_S_REGRDY, budget, "core register " + regsel + " (DHCSR.S_REGRDY)");
    }

    @Override
    public void waitForHalt(Duration timeout) {
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        pollDhcsr(DHCSR_S_HALT, new PollBudget(1, timeout), "the core to halt within " + timeout);
    }

    /**
     * AIRCR ← VECTKEY|SYSRESETREQ. The reset may tear down the bus transaction that requested it,
     * so an error on this one write is expected on some parts and ignored; the caller's poll decides.
     */
    private void requestSystemReset() {
        try {
            memory.write32(AIRCR, AIRCR_VECTKEY | AIRCR_SYSRESETREQ);
        } catch (TargetCommunicationException resetTornDown) {
            // the reset itself may abort the acknowledgement of the write that caused it
        }
    }

    private void requireHalted() {
        if (!isHalted()) {
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
            int dhcsr = memory.read32(DHCSR);
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
