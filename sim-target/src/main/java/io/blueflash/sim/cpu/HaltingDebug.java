package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusMaster;

/**
 * The core's halting-debug registers (ARMv7-M ARM C1.6; facts §4.1, SWD §C.6): DHCSR, DCRSR,
 * DCRDR, DEMCR and DFSR, and the rules a debugger relies on:
 * <ul>
 * <li>DHCSR writes need DBGKEY 0xA05F in b31:16 and come from the debugger only; C_HALT halts
 *     before the next instruction (DFSR.HALTED; it also wakes a sleeping core and ends lockup);
 *     clearing C_HALT resumes; C_STEP with C_HALT clear executes one instruction (or enters one
 *     pending handler) inside the same write and halts again; C_MASKINTS changes only while
 *     halted. Debug events (BKPT, FPB, DWT, vector catch) set C_HALT, so C_HALT reads 1 after
 *     them (stlink expects DHCSR = 0x0003000B after its loader's BKPT).</li>
 * <li>Status: S_REGRDY, S_HALT, S_SLEEP, S_LOCKUP; S_RETIRE_ST (an instruction retired) and
 *     S_RESET_ST (a reset happened, or NRST is held) are sticky and cleared by reading DHCSR.</li>
 * <li>DCRSR/DCRDR transfer a core register only while halted; otherwise S_REGRDY stays 0.</li>
 * <li>DHCSR, DEMCR and DFSR survive system resets; only power-on clears them, except C_HALT:
 *     the Cortex-M3 TRM (DHCSR: "the C_HALT bit always clears on a system reset") and ARMv7-M
 *     C1.6.2 make a local reset clear it, so only DEMCR.VC_CORERESET halts the core out of reset.
 *     A halt requested while NRST still holds the core in reset is kept for when it leaves reset
 *     (connect under reset).</li>
 * </ul>
 */
final class HaltingDebug {

    static final int DHCSR = 0xDF0, DCRSR = 0xDF4, DCRDR = 0xDF8, DEMCR = 0xDFC, DFSR = 0xD30;
    static final int DBGKEY = 0xA05F_0000;
    static final int C_DEBUGEN = 1, C_HALT = 1 << 1, C_STEP = 1 << 2, C_MASKINTS = 1 << 3;
    static final int S_REGRDY = 1 << 16, S_HALT = 1 << 17, S_SLEEP = 1 << 18, S_LOCKUP = 1 << 19,
            S_RETIRE_ST = 1 << 24, S_RESET_ST = 1 << 25;
    static final int DFSR_HALTED = 1, DFSR_BKPT = 1 << 1, DFSR_DWTTRAP = 1 << 2, DFSR_VCATCH = 1 << 3,
            DFSR_EXTERNAL = 1 << 4;
    static final int VC_CORERESET = 1, VC_MMERR = 1 << 4, VC_NOCPERR = 1 << 5, VC_CHKERR = 1 << 6,
            VC_STATERR = 1 << 7, VC_BUSERR = 1 << 8, VC_INTERR = 1 << 9, VC_HARDERR = 1 << 10, TRCENA = 1 << 24;

    private final CortexM3Core core;
    int control;
    int demcr;
    int dfsr;
    int dcrdr;
    boolean regReady = true;
    boolean resetSticky;
    boolean retireSticky;
    /** C_HALT was written while the core was held in reset: it halts when the reset ends. */
    private boolean haltRequestedInReset;

    HaltingDebug(CortexM3Core core) {
        this.core = core;
    }

    void powerOnReset() {
        haltRequestedInReset = false;
        control = 0;
        demcr = 0;
        dfsr = 0;
        dcrdr = 0;
        regReady = true;
    }

    boolean enabled() {
        return (control & C_DEBUGEN) != 0;
    }

    boolean maskInts() {
        return (control & (C_DEBUGEN | C_MASKINTS)) == (C_DEBUGEN | C_MASKINTS);
    }

    boolean vectorCatch(int bit) {
        return enabled() && (demcr & bit) != 0;
    }

    /**
     * A local reset begins: C_HALT clears (a BKPT's halt does not carry over into the next run).
     * Returns whether the core should halt when it leaves reset because the debugger asked for it
     * while reset was held.
     */
    boolean localReset() {
        boolean haltAfterReset = haltRequestedInReset && enabled();
        haltRequestedInReset = false;
        control &= ~C_HALT;
        return haltAfterReset;
    }

    /** A debug event halted the core: DFSR records why and C_HALT reads 1. */
    void haltedBy(int dfsrBit) {
        dfsr |= dfsrBit;
        control |= C_HALT;
    }

    int readDhcsr() {
        boolean inReset = core.isHeldInReset();
        if (inReset) {
            resetSticky = true;
        }
        int value = control & (C_DEBUGEN | C_HALT | C_STEP | C_MASKINTS)
                | (regReady ? S_REGRDY : 0)
                | (core.isHalted() ? S_HALT : 0)
                | (core.isSleeping() ? S_SLEEP : 0)
                | (core.isLockedUp() ? S_LOCKUP : 0)
                | (retireSticky ? S_RETIRE_ST : 0)
                | (resetSticky ? S_RESET_ST : 0);
        retireSticky = false;
        resetSticky = false;
        return value;
    }

    void writeDhcsr(int value, BusMaster master) {
        if (master != BusMaster.DEBUG || (value & 0xFFFF_0000) != DBGKEY) {
            return; // facts §C.6: writes need DBGKEY; firmware cannot halt itself through DHCSR
        }
        boolean halted = core.isHalted();
        int maskints = halted ? value & C_MASKINTS : control & C_MASKINTS;
        control = value & (C_DEBUGEN | C_HALT | C_STEP) | maskints;
        if ((control & C_DEBUGEN) == 0) {
            control = 0;
            if (halted) {
                core.debugResume();
            }
            return;
        }
        if (core.isHeldInReset()) {
            haltRequestedInReset = (control & C_HALT) != 0; // takes effect when the core leaves reset
            return;
        }
        if ((control & C_HALT) != 0) {
            if (!halted) {
                core.debugHalt();
                dfsr |= DFSR_HALTED;
            }
        } else if ((control & C_STEP) != 0 && halted) {
            core.debugStep();
        } else if (halted) {
            core.debugResume();
        }
    }

    void writeDcrsr(int value) {
        if (!core.isHalted()) {
            regReady = false; // facts §C.6: transfers need a halted core; S_REGRDY never sets
            return;
        }
        int regsel = value & 0x7F;
        if ((value & 1 << 16) != 0) {
            core.writeDebugRegister(regsel, dcrdr);
        } else {
            dcrdr = core.readDebugRegister(regsel);
        }
        regReady = true;
    }

    void writeDemcr(int value) {
        demcr = value & 0x010F_07F1;
        core.traceEnableChanged((demcr & TRCENA) != 0);
    }
}
