package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusFaultException;

/**
 * The ARMv7-M exception model (ARMv7-M ARM B1.5; Cortex-M3 TRM §5; facts §3.3–§3.6):
 * <ul>
 * <li>execution priority from the active exceptions' group priorities, PRIMASK (0), FAULTMASK
 *     (−1) and BASEPRI; a pending exception preempts only with a strictly higher group priority;</li>
 * <li>entry: an 8-word frame (R0–R3, R12, LR, return address, xPSR) on the stack in use, with a
 *     4-byte pad and xPSR bit 9 when CCR.STKALIGN is set and SP[2] = 1; LR = EXC_RETURN; vector
 *     from VTOR; a bus error while stacking sets STKERR and pends the derived fault, one on the
 *     vector fetch is a HardFault with HFSR.VECTTBL;</li>
 * <li>return on EXC_RETURN 0xFFFFFFF1/F9/FD (others: UsageFault INVPC), tail-chaining straight
 *     into a pending exception that can preempt what would be returned to;</li>
 * <li>faults: a configurable fault that is disabled or cannot preempt escalates to HardFault
 *     (HFSR.FORCED); a fault at execution priority −1 or −2 (in HardFault, NMI, or with FAULTMASK)
 *     locks the core up;</li>
 * <li>vector catch (DEMCR.VC_*): the core halts on the handler's first instruction (DFSR.VCATCH).</li>
 * </ul>
 */
final class ExceptionModel {

    private static final int EXC_RETURN_HANDLER = 0xFFFF_FFF1, EXC_RETURN_THREAD_MSP = 0xFFFF_FFF9,
            EXC_RETURN_THREAD_PSP = 0xFFFF_FFFD;

    private final CortexM3Core core;
    private final CoreState state;
    private final Nvic nvic;
    private final FaultStatus faults;
    private final CoreMemory memory;
    private final SystemControlSpace scs;
    private final CoreTime time;
    private boolean sleepOnExit;
    /** DEMCR vector-catch bit for the fault being taken (0: none). */
    private int vectorCatchBit;

    ExceptionModel(CortexM3Core core, CoreState state, Nvic nvic, FaultStatus faults, CoreMemory memory,
                   SystemControlSpace scs, CoreTime time) {
        this.core = core;
        this.state = state;
        this.nvic = nvic;
        this.faults = faults;
        this.memory = memory;
        this.scs = scs;
        this.time = time;
    }

    // ---------------------------------------------------------------- priorities

    /** B1.5.4: lowest of the active group priorities and the masks; 256 = Thread mode, nothing boosted. */
    int executionPriority() {
        int priority = nvic.activePriority();
        if (state.basepri != 0) {
            priority = Math.min(priority, nvic.groupPriority(state.basepri));
        }
        if (state.primask != 0) {
            priority = Math.min(priority, 0);
        }
        if (state.faultmask != 0) {
            priority = Math.min(priority, -1);
        }
        return priority;
    }

    private boolean canPreempt(int exception, int executionPriority) {
        return nvic.enabled(exception) && nvic.groupPriority(nvic.priority(exception)) < executionPriority;
    }

    /** Takes the highest pending exception if it preempts the running code; true if one was entered. */
    boolean takePending(boolean maskInts) {
        int exception = nvic.highestPending(maskInts);
        if (exception == 0 || !canPreempt(exception, executionPriority())) {
            return false;
        }
        enter(exception);
        return true;
    }

    /**
     * WFI wakes when an exception would be taken if PRIMASK were 0; WFE also on the event register
     * (B1.5.18, A7.7.259/260). Masked IRQs wake WFI without being taken.
     */
    boolean wakesFromSleep(boolean wfe, boolean eventRegister) {
        if (wfe && eventRegister) {
            return true;
        }
        int exception = nvic.highestPending(false);
        if (exception == 0) {
            return false;
        }
        int primask = state.primask;
        if (!wfe) {
            state.primask = 0;
        }
        try {
            return canPreempt(exception, executionPriority());
        } finally {
            state.primask = primask;
        }
    }

    // ---------------------------------------------------------------- synchronous exceptions and faults

    /** A fault thrown by an instruction: status recorded, taken with the faulting instruction as return address. */
    void fault(CpuFault fault) {
        faults.record(fault.kind(), fault.address());
        int exception = fault.kind().isUsageFault() ? Nvic.USAGE_FAULT
                : fault.kind().isMemManage() ? Nvic.MEM_MANAGE : Nvic.BUS_FAULT;
        core.faultTrace(() -> String.format("%s at PC 0x%08X: %s", fault.kind(), state.r[CoreState.PC], fault.getMessage()));
        vectorCatchBit = vectorCatchFor(fault.kind());
        synchronousException(exception, fault.kind().name());
    }

    void impreciseBusFault(int address) {
        faults.record(CpuFault.Kind.IMPRECISERR, address);
        core.faultTrace(() -> String.format("IMPRECISERR: buffered store to 0x%08X got a bus error", address));
        vectorCatchBit = HaltingDebug.VC_BUSERR;
        synchronousException(Nvic.BUS_FAULT, "IMPRECISERR");
    }

    /** BKPT with halting debug off: HardFault with HFSR.DEBUGEVT, return address the BKPT. */
    void debugEventFault() {
        faults.hfsr |= FaultStatus.HFSR_DEBUGEVT;
        vectorCatchBit = 0;
        synchronousException(Nvic.HARD_FAULT, "DEBUGEVT");
    }

    /**
     * Pends a synchronous exception (SVC, a fault), escalating to HardFault (FORCED) when it is
     * disabled or cannot preempt, or locking up when even HardFault cannot. It is entered at the
     * next instruction boundary.
     */
    void synchronousException(int exception, String what) {
        int priority = executionPriority();
        if (!canPreempt(exception, priority)) {
            if (exception != Nvic.HARD_FAULT && priority > -1) {
                faults.hfsr |= FaultStatus.HFSR_FORCED;
                core.faultTrace(() -> what + " escalated to HardFault (HFSR.FORCED)");
                exception = Nvic.HARD_FAULT;
            } else {
                core.lockUp(what + " at execution priority " + priority);
                return;
            }
        }
        nvic.setPending(exception);
    }

    private static int vectorCatchFor(CpuFault.Kind kind) {
        return switch (kind) {
            case INVSTATE, INVPC, UNDEFINSTR -> HaltingDebug.VC_STATERR;
            case UNALIGNED, DIVBYZERO -> HaltingDebug.VC_CHKERR;
            case NOCP -> HaltingDebug.VC_NOCPERR;
            case IACCVIOL -> HaltingDebug.VC_MMERR;
            case STKERR, UNSTKERR -> HaltingDebug.VC_INTERR;
            default -> HaltingDebug.VC_BUSERR;
        };
    }

    // ---------------------------------------------------------------- entry

    private void enter(int exception) {
        int returnAddress = state.r[CoreState.PC];
        int sp = state.r[CoreState.SP];
        boolean pad = (scs.ccr & SystemControlSpace.CCR_STKALIGN) != 0 && (sp & 4) != 0;
        int frame = sp - 32 - (pad ? 4 : 0);
        int xpsr = state.xpsr() | (pad ? 1 << 9 : 0);
        int[] words = {state.r[0], state.r[1], state.r[2], state.r[3], state.r[12], state.r[CoreState.LR],
                returnAddress, xpsr};
        boolean stackError = false;
        for (int i = 0; i < 8; i++) {
            try {
                memory.writeWordForException(frame + 4 * i, words[i]);
            } catch (BusFaultException e) {
                stackError = true;
            }
        }
        state.r[CoreState.SP] = frame;
        state.r[CoreState.LR] = state.handlerMode() ? EXC_RETURN_HANDLER
                : state.processStackSelected() ? EXC_RETURN_THREAD_PSP : EXC_RETURN_THREAD_MSP;
        if (stackError) {
            faults.cfsr |= CpuFault.Kind.STKERR.cfsrBits();
            core.faultTrace(() -> String.format("STKERR: stacking for exception %d at SP 0x%08X got a bus error",
                    exception, frame));
            if (exception != Nvic.HARD_FAULT && exception != Nvic.NMI) {
                int derived = nvic.enabled(Nvic.BUS_FAULT) ? Nvic.BUS_FAULT : Nvic.HARD_FAULT;
                if (derived == Nvic.HARD_FAULT) {
                    faults.hfsr |= FaultStatus.HFSR_FORCED;
                }
                nvic.setPending(derived);
            }
        }
        jumpToHandler(exception); // the vector is read while the frame is stacked, early in the entry
        time.cycles += CortexM3Core.ENTRY_CYCLES;
    }

    /** Vector fetch and handler state; a failing vector fetch is HardFault VECTTBL, or lockup. */
    private void jumpToHandler(int exception) {
        int vector;
        int target = exception;
        try {
            vector = memory.readWordForException(scs.vtor + 4 * exception);
        } catch (BusFaultException e) {
            faults.hfsr |= FaultStatus.HFSR_VECTTBL;
            if (exception == Nvic.HARD_FAULT || exception == Nvic.NMI) {
                state.setIpsr(exception);
                nvic.activate(exception);
                core.lockUp("vector fetch for exception " + exception + " failed: " + e.getMessage());
                return;
            }
            core.faultTrace(() -> "VECTTBL: vector fetch for exception " + exception + " failed: HardFault");
            target = Nvic.HARD_FAULT;
            try {
                vector = memory.readWordForException(scs.vtor + 4 * Nvic.HARD_FAULT);
            } catch (BusFaultException again) {
                state.setIpsr(Nvic.HARD_FAULT);
                nvic.activate(Nvic.HARD_FAULT);
                core.lockUp("HardFault vector fetch failed: " + again.getMessage());
                return;
            }
        }
        state.setIpsr(target);
        state.itState = 0;
        state.thumb = (vector & 1) != 0;
        state.r[CoreState.PC] = vector & ~1;
        nvic.activate(target);
        core.clearExclusiveOnException();
        int entered = target;
        int handler = vector;
        core.trace(() -> String.format("exception %d (%s) entered, handler 0x%08X", entered, name(entered), handler));
        int catchBit = entered == Nvic.HARD_FAULT ? HaltingDebug.VC_HARDERR : vectorCatchBit;
        if (entered <= Nvic.USAGE_FAULT && catchBit != 0 && core.vectorCatchArmed(catchBit)) {
            core.halt(HaltingDebug.DFSR_VCATCH);
        }
        vectorCatchBit = 0;
    }

    // ---------------------------------------------------------------- return

    /** EXC_RETURN written to the PC in Handler mode: returns the cycles the return took. */
    int exceptionReturn(int excReturn) {
        sleepOnExit = false;
        int returning = state.ipsr;
        boolean toThread = (excReturn & 8) != 0;
        boolean valid = excReturn == EXC_RETURN_HANDLER || excReturn == EXC_RETURN_THREAD_MSP
                || excReturn == EXC_RETURN_THREAD_PSP;
        if (!valid || toThread && nvic.activeCount() > 1
                && (scs.ccr & SystemControlSpace.CCR_NONBASETHRDENA) == 0
                || !toThread && nvic.activeCount() <= 1) {
            faults.cfsr |= CpuFault.Kind.INVPC.cfsrBits();
            core.faultTrace(() -> String.format("INVPC: EXC_RETURN 0x%08X from exception %d is not valid here",
                    excReturn, returning));
            state.r[CoreState.LR] = excReturn;
            vectorCatchBit = HaltingDebug.VC_STATERR;
            synchronousException(Nvic.USAGE_FAULT, "INVPC");
            return 0;
        }
        nvic.deactivate(returning);
        if (returning != Nvic.NMI) {
            state.faultmask = 0;
        }
        core.trace(() -> String.format("exception %d (%s) returned (EXC_RETURN 0x%08X)", returning, name(returning), excReturn));
        int pending = nvic.highestPending(core.maskInts());
        if (pending != 0 && canPreempt(pending, executionPriority())) {
            // tail-chain: the frame stays, LR keeps the same EXC_RETURN
            state.r[CoreState.LR] = excReturn;
            jumpToHandler(pending);
            core.trace(() -> "tail-chained into exception " + pending);
            return CortexM3Core.TAIL_CHAIN_CYCLES;
        }
        unstack(excReturn, toThread);
        if (toThread && (scs.scr & SystemControlSpace.SCR_SLEEPONEXIT) != 0) {
            sleepOnExit = true;
        }
        return CortexM3Core.RETURN_CYCLES;
    }

    private void unstack(int excReturn, boolean toThread) {
        boolean psp = (excReturn & 4) != 0;
        int sp = psp ? state.psp() : state.msp();
        int[] words = new int[8];
        try {
            for (int i = 0; i < 8; i++) {
                words[i] = memory.readWordForException(sp + 4 * i);
            }
        } catch (BusFaultException e) {
            faults.cfsr |= CpuFault.Kind.UNSTKERR.cfsrBits();
            core.faultTrace(() -> "UNSTKERR: unstacking got a bus error: " + e.getMessage());
        }
        int xpsr = words[7];
        int newSp = sp + 32 + ((xpsr & 1 << 9) != 0 && (scs.ccr & SystemControlSpace.CCR_STKALIGN) != 0 ? 4 : 0);
        if (psp) {
            state.setPsp(newSp);
        } else {
            state.setMsp(newSp);
        }
        if (toThread) {
            state.setControl(state.control & ~CoreState.CONTROL_SPSEL | (psp ? CoreState.CONTROL_SPSEL : 0));
        }
        state.r[0] = words[0];
        state.r[1] = words[1];
        state.r[2] = words[2];
        state.r[3] = words[3];
        state.r[12] = words[4];
        state.r[CoreState.LR] = words[5];
        state.r[CoreState.PC] = words[6] & ~1;
        state.setXpsr(toThread ? xpsr & ~0x1FF : xpsr);
    }

    boolean sleepOnExit() {
        boolean value = sleepOnExit;
        sleepOnExit = false;
        return value;
    }

    static String name(int exception) {
        return switch (exception) {
            case Nvic.RESET -> "Reset";
            case Nvic.NMI -> "NMI";
            case Nvic.HARD_FAULT -> "HardFault";
            case Nvic.MEM_MANAGE -> "MemManage";
            case Nvic.BUS_FAULT -> "BusFault";
            case Nvic.USAGE_FAULT -> "UsageFault";
            case Nvic.SVCALL -> "SVCall";
            case Nvic.DEBUG_MONITOR -> "DebugMonitor";
            case Nvic.PENDSV -> "PendSV";
            case Nvic.SYSTICK -> "SysTick";
            default -> exception >= Nvic.IRQ0 ? "IRQ" + (exception - Nvic.IRQ0) : "reserved";
        };
    }
}
