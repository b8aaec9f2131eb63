package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.bus.InterruptLines;
import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTracer;
import java.util.Objects;

/**
 * The executing Cortex-M3 of the simulated STM32F103: the {@link ThumbInterpreter} over
 * {@link CoreState}, with the system side around it (facts §3, §4): reset from the vector table,
 * the exception model ({@link ExceptionModel}), NVIC, SysTick, halting debug, FPB, DWT and
 * semihosting; it runs as the {@link SimClock}'s {@link SimClock.Runner}, so whatever advances
 * the chip's clock lets it execute the matching cycles first.
 *
 * <p>Time: the core counts cycles ({@link CoreTime}) and brings the chip's clock up to its own
 * time in batches, up to the next scheduled event, and before every access that leaves SRAM and
 * flash (peripherals see the right time). A sleeping core (WFI/WFE) jumps to the next event. A
 * branch-to-self ({@code b .}) with nothing to wake it is also skipped to the next event, cycle
 * exact. A fault in firmware never escapes as a Java exception: it is taken as on silicon,
 * escalates, or locks the core up (PC 0xFFFFFFFE, DHCSR.S_LOCKUP) until a reset or a debugger halt.
 *
 * <p>Not thread-safe: one chip, one thread at a time (like {@link SimClock}).
 */
public final class CortexM3Core implements ExecutionContext, SimClock.Runner {

    /** TRM r2p1 §3.9.2 / Table 4-2 (facts §2.3): entry with stacking, return with unstacking, tail-chain. */
    static final int ENTRY_CYCLES = 12, RETURN_CYCLES = 12, TAIL_CHAIN_CYCLES = 6;
    /** The cycles an instruction that returns from an exception would have cost as a plain branch (1 + P). */
    private static final int BRANCH_CYCLES = 3;
    private static final int BRANCH_TO_SELF = 0xE7FE;
    private static final int LOCKUP_PC = 0xFFFF_FFFE;

    private final CoreState state = new CoreState();
    private final ThumbInterpreter interpreter = new ThumbInterpreter();
    private final CoreTime time = new CoreTime();
    private final Nvic nvic = new Nvic();
    private final FaultStatus faults = new FaultStatus();
    private final SysTick sysTick = new SysTick(time, nvic);
    private final HaltingDebug debug = new HaltingDebug(this);
    private final Dwt dwt = new Dwt(time, () -> state.r[CoreState.PC]);
    private final FlashPatchBreakpoint fpb = new FlashPatchBreakpoint();
    private final SystemControlSpace scs;
    private final CoreMemory memory;
    private final ExceptionModel exceptions;
    private final CpuPorts ports;
    private final SimClock clock;
    private final SimTracer tracer;
    private CpuClocking clocking = CpuClocking.RESET_DEFAULTS;
    private SemihostingCall semihosting;

    private boolean halted;
    private boolean heldInReset;
    private boolean lockedUp;
    private boolean sleeping;
    private boolean sleepIsWfe;
    private boolean eventRegister;
    private final ExclusiveMonitor monitor = new ExclusiveMonitor();
    /** Something needs a look before the next instruction (pending exception, debug event, reset...). */
    boolean attention = true;
    private boolean checkExceptions = true;
    private boolean executing;
    private boolean resetPending;
    private boolean exited;
    /** Set by an exception return inside the current step: its cycles replace the branch's. */
    private int returnCycles;
    private boolean impreciseFault;
    private int impreciseAddress;
    private boolean pendingDebugEventFault;
    private long haltNanos;

    public CortexM3Core(CpuPorts ports, SimClock clock, SimTracer tracer, int cpuid) {
        this.ports = Objects.requireNonNull(ports, "'ports' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.tracer = Objects.requireNonNull(tracer, "'tracer' must not be null");
        this.memory = new CoreMemory(ports, time, dwt);
        this.scs = new SystemControlSpace(this, nvic, sysTick, faults, debug, cpuid);
        this.exceptions = new ExceptionModel(this, state, nvic, faults, memory, scs, time);
        this.memory.setHost(new CoreMemory.Host() {
            @Override
            public void beforeSlowAccess() {
                syncClock();
            }

            @Override
            public void afterSlowAccess() {
                catchUpWithClock();
            }

            @Override
            public void impreciseBusFault(int address, String reason) {
                impreciseFault = true;
                impreciseAddress = address;
                attention = true;
            }
        });
        nvic.setOnChange(this::exceptionStateChanged);
        fpb.setOnChange(() -> attention = true);
        dwt.setOnChange(() -> attention = true);
    }

    // ---------------------------------------------------------------- wiring (the chip)

    /** The SCS (0xE000_E000, 4 KB): NVIC, SCB, SysTick, halting debug. */
    public BusDevice systemControlSpace() {
        return scs;
    }

    /** The DWT (0xE000_1000). */
    public BusDevice dataWatchpointAndTrace() {
        return dwt;
    }

    /** The FPB (0xE000_2000). */
    public BusDevice flashPatchBreakpoint() {
        return fpb;
    }

    /** The NVIC's interrupt inputs, for the chip's peripherals. */
    public InterruptLines interruptLines() {
        return nvic;
    }

    /** Where HCLK and FLASH_ACR come from (the chip's RCC and flash interface). */
    public void setClocking(CpuClocking clocking) {
        this.clocking = Objects.requireNonNull(clocking, "'clocking' must not be null");
    }

    /** Service BKPT 0xAB semihosting in the chip ({@code null}: off, BKPT 0xAB behaves as any BKPT). */
    public void setSemihosting(Semihosting host) {
        this.semihosting = host == null ? null : new SemihostingCall(host);
    }

    // ---------------------------------------------------------------- resets

    /** Power-on reset: the debug domain (DHCSR, DEMCR, DFSR, FPB, DWT) is cleared too. */
    public void powerOnReset() {
        debug.powerOnReset();
        fpb.powerOnReset();
        dwt.powerOnReset();
        dwt.setTraceEnabled(false);
        scs.powerOnReset();
        heldInReset = false;
        reset();
    }

    /**
     * A local reset (system reset, NRST release, AIRCR.VECTRESET): registers and the exception
     * state reset, SP and PC from the vector table; C_HALT clears (Cortex-M3 TRM, DHCSR), so the
     * core halts only for VC_CORERESET or a halt the debugger requested while NRST held it.
     * Requested while an instruction executes (firmware writing AIRCR, a watchdog firing), it
     * happens at the end of that instruction.
     */
    public void reset() {
        if (executing) {
            resetPending = true;
            attention = true;
            return;
        }
        resetPending = false;
        java.util.Arrays.fill(state.r, 0);
        state.otherSp = 0;
        state.apsr = 0;
        state.itState = 0;
        state.primask = state.faultmask = state.basepri = 0;
        state.control = 0;
        state.ipsr = 0;
        state.thumb = true;
        state.r[CoreState.LR] = 0xFFFF_FFFF;
        flushPipeline();
        nvic.reset();
        sysTick.reset();
        faults.reset();
        scs.reset();
        memory.reset();
        lockedUp = sleeping = eventRegister = exited = false;
        monitor.clear();
        impreciseFault = pendingDebugEventFault = false;
        time.follow(clock.nanos());
        debug.resetSticky = true;
        debug.regReady = true;
        memory.refresh(clocking);
        try {
            state.r[CoreState.SP] = memory.readWordForException(0) & ~3;
            int entry = memory.readWordForException(4);
            state.r[CoreState.PC] = entry & ~1;
            state.thumb = (entry & 1) != 0;
        } catch (BusFaultException e) {
            lockUp("reset vector fetch failed: " + e.getMessage());
        }
        boolean haltRequested = debug.localReset();
        halted = false;
        if (debug.vectorCatch(HaltingDebug.VC_CORERESET)) {
            halt(HaltingDebug.DFSR_VCATCH);
        } else if (haltRequested) {
            halt(HaltingDebug.DFSR_HALTED);
        }
        attention = checkExceptions = true;
        trace(() -> String.format("reset: SP 0x%08X, PC 0x%08X%s", state.r[CoreState.SP], state.r[CoreState.PC],
                halted ? ", halted (vector catch or C_HALT)" : ""));
    }

    /**
     * What the ROM bootloader's GO does (AN3155 §3.9): MSP from the word at {@code vectorTable}, PC
     * from the next one, Thread mode with MSP, privileged; the application starts as after a reset.
     */
    public void jumpToApplication(int vectorTable) {
        try {
            int sp = memory.readWordForException(vectorTable);
            int entry = memory.readWordForException(vectorTable + 4);
            nvic.clearAllActive();
            state.setIpsr(0);
            state.setControl(0);
            state.setMsp(sp);
            state.primask = state.faultmask = state.basepri = 0;
            state.itState = 0;
            state.r[CoreState.PC] = entry & ~1;
            state.thumb = (entry & 1) != 0;
            lockedUp = sleeping = false;
        } catch (BusFaultException e) {
            lockUp("GO to 0x" + Integer.toHexString(vectorTable) + ": " + e.getMessage());
        }
        flushPipeline();
        attention = checkExceptions = true;
        int pc = state.r[CoreState.PC];
        trace(() -> String.format("bootloader GO: SP 0x%08X, PC 0x%08X", state.r[CoreState.SP], pc));
    }

    /** NRST held low: no execution, DHCSR.S_RESET_ST reads 1; leaving it is {@link #reset()} (by the chip). */
    public void setHeldInReset(boolean held) {
        heldInReset = held;
        if (held) {
            halted = false;
            sleeping = false;
            debug.resetSticky = true;
        }
    }

    // ---------------------------------------------------------------- status

    public CoreState state() {
        return state;
    }

    public boolean isHalted() {
        return halted && !heldInReset;
    }

    public boolean isHeldInReset() {
        return heldInReset;
    }

    public boolean isLockedUp() {
        return lockedUp && !heldInReset;
    }

    public boolean isSleeping() {
        return sleeping && !halted && !heldInReset;
    }

    /** True once semihosting SYS_EXIT ended the program (until the next reset). */
    public boolean hasExited() {
        return exited;
    }

    /** Core clock cycles spent running or asleep since power-on. */
    public long cycles() {
        return time.cycles;
    }

    /** The core's own simulated time (at or slightly after the chip's clock while it runs). */
    public long nanos() {
        return time.nanos();
    }

    /** The core's simulated time when it last halted (debug event, semihosting exit). */
    public long haltNanos() {
        return haltNanos;
    }

    /** A core register as the debugger's DCRSR REGSEL numbers it (0–15, 16 xPSR, 17 MSP, 18 PSP, 20 special). */
    public int coreRegister(int regsel) {
        return readDebugRegister(regsel);
    }

    // ---------------------------------------------------------------- the run loop

    @Override
    public void runUntil(long targetNanos) {
        if (executing) {
            return;
        }
        time.follow(clock.nanos());
        refreshSettings();
        while (true) {
            syncClock(targetNanos); // events the core has already run past fire first
            if (halted || heldInReset || lockedUp || time.nanos() >= targetNanos) {
                return;
            }
            if (sleeping) {
                if (!sleepUntil(targetNanos)) {
                    return;
                }
                continue;
            }
            long limitNanos = Math.min(targetNanos, clock.nextEventNanos());
            long limit = Math.min(time.cycleAt(limitNanos), sysTick.dueCycle());
            execute(limit);
            if (time.cycles >= sysTick.dueCycle()) {
                sysTick.expire();
            }
            // the last instruction may end past the target: the core stays ahead, the clock stops at the target
            syncClock(targetNanos);
            time.reanchorIfFar();
        }
    }

    /** Executes instructions until {@code limit} cycles (at least one step) or until the core stops. */
    private void execute(long limit) {
        executing = true;
        try {
            do {
                if (attention && !handleAttention()) {
                    return;
                }
                if (runDecoded(limit)) {
                    continue;
                }
                int pc = state.r[CoreState.PC];
                int cost = step();
                time.cycles += cost;
                memory.waitCycles = 0; // now part of cycles: a clock sync before the next step must not count them again
                skipIdleLoop(pc, cost, limit);
            } while (time.cycles < limit);
        } finally {
            executing = false;
        }
    }

    /** The fast path ({@link ThumbInterpreter#runDecoded}); false when it executed nothing. */
    private boolean runDecoded(long limit) {
        return interpreter.runDecoded(this, state, memory, time, limit) > 0;
    }

    /** A fault raised by an instruction of the fast path: taken as {@link #step} takes it. */
    void takeFault(CpuFault fault) {
        exceptions.fault(fault);
    }

    /** The fast path retired instructions (DHCSR.S_RETIRE_ST). */
    void retired() {
        debug.retireSticky = true;
    }

    /** An instruction's cycles when it returned from an exception (its branch cost replaced), as in {@link #step}. */
    int exceptionReturnCycles(int cycles) {
        if (returnCycles == 0) {
            return cycles;
        }
        int total = returnCycles + Math.max(0, cycles - BRANCH_CYCLES);
        returnCycles = 0;
        return total;
    }

    /** A branch to itself with nothing to wake it: whole iterations up to {@code limit} at once, cycle exact. */
    void skipIdleLoop(int pc, int cost, long limit) {
        if (state.r[CoreState.PC] == pc && !attention && memory.peek16(pc) == BRANCH_TO_SELF && cost > 0
                && time.cycles < limit) {
            long loops = (limit - time.cycles + cost - 1) / cost;
            time.cycles += loops * cost;
        }
    }

    /** One instruction; its cycles including memory waits and exception-return costs. */
    private int step() {
        memory.waitCycles = 0;
        returnCycles = 0;
        int cycles;
        try {
            cycles = interpreter.step(state, this);
            debug.retireSticky = true;
        } catch (CpuFault fault) {
            cycles = 1;
            exceptions.fault(fault);
        }
        if (returnCycles != 0) {
            cycles = returnCycles + Math.max(0, cycles - BRANCH_CYCLES);
        }
        return Math.max(1, cycles + memory.waitCycles);
    }

    /**
     * Everything that is not "execute the next instruction": deferred resets, imprecise faults,
     * debug events, pending exceptions. Returns false when the core must stop (halted, asleep,
     * locked up, or settings changed and the batch must be re-planned).
     */
    private boolean handleAttention() {
        attention = false;
        if (resetPending) {
            executing = false;
            reset();
            executing = true;
        }
        if (halted || heldInReset || lockedUp || sleeping) {
            attention = true;
            return false;
        }
        if (dwt.triggered) {
            dwt.triggered = false;
            halt(HaltingDebug.DFSR_DWTTRAP);
            return false;
        }
        if (impreciseFault) {
            impreciseFault = false;
            exceptions.impreciseBusFault(impreciseAddress);
        }
        if (pendingDebugEventFault) {
            pendingDebugEventFault = false;
            exceptions.debugEventFault();
        }
        if (lockedUp || halted) {
            attention = true;
            return false;
        }
        if (checkExceptions) {
            checkExceptions = false;
            if (exceptions.takePending(debug.maskInts())) {
                attention = true;
                checkExceptions = true;
                return !halted && !lockedUp;
            }
        }
        if (fpb.armed || dwt.pcArmed) {
            attention = true; // keep checking every instruction while breakpoints are set
            int pc = state.r[CoreState.PC];
            if (debug.enabled() && (fpb.armed && fpb.matches(pc))) {
                halt(HaltingDebug.DFSR_BKPT);
                return false;
            }
            if (debug.enabled() && dwt.pcArmed && dwt.matchesPc(pc)) {
                halt(HaltingDebug.DFSR_DWTTRAP);
                return false;
            }
        }
        return true;
    }

    /** Asleep: time jumps to the next event (or the SysTick expiry); returns true when the core wakes. */
    private boolean sleepUntil(long targetNanos) {
        long wake = Math.min(targetNanos, clock.nextEventNanos());
        long due = sysTick.dueCycle();
        if (due != Long.MAX_VALUE) {
            wake = Math.min(wake, time.nanosAt(due));
        }
        time.stallUntil(Math.max(wake, time.nanos()));
        if (time.cycles >= sysTick.dueCycle()) {
            sysTick.expire();
        }
        syncClock(targetNanos);
        if (exceptions.wakesFromSleep(sleepIsWfe, eventRegister)) {
            sleeping = false;
            eventRegister = false;
            attention = checkExceptions = true;
            return true;
        }
        return time.nanos() < targetNanos && !halted;
    }

    private void refreshSettings() {
        long hz = clocking.hclkHz();
        if (hz != time.hz()) {
            time.setHz(hz);
        }
        memory.refresh(clocking);
    }

    /** Brings the chip's clock to the core's time (inside the runner this only moves time and fires events). */
    private void syncClock() {
        syncClock(Long.MAX_VALUE);
    }

    private void syncClock(long notAfterNanos) {
        long now = Math.min(notAfterNanos, time.nanosAt(time.cycles + memory.waitCycles));
        if (now > clock.nanos()) {
            clock.advanceTo(now);
        }
    }

    /** After a bus access: a stall moved the chip's clock past the core; the core waited that long. */
    private void catchUpWithClock() {
        long now = clock.nanos();
        long base = time.cycles + memory.waitCycles;
        if (now > time.nanosAt(base)) {
            long target = time.cycleAt(now);
            memory.waitCycles += (int) Math.min(Integer.MAX_VALUE / 2, target - base);
        }
        refreshSettings();
    }

    // ---------------------------------------------------------------- called by the parts

    void exceptionStateChanged() {
        checkExceptions = true;
        attention = true;
        if ((scs.scr & SystemControlSpace.SCR_SEVONPEND) != 0) {
            eventRegister = true;
        }
    }

    boolean vectorCatchArmed(int demcrBit) {
        return debug.vectorCatch(demcrBit);
    }

    boolean maskInts() {
        return debug.maskInts();
    }

    void traceEnableChanged(boolean enabled) {
        dwt.setTraceEnabled(enabled);
    }

    void writeAircr(int value, BusMaster master) {
        if ((value >>> 16) != 0x05FA) {
            return;
        }
        nvic.setPrigroup(value >>> 8);
        if ((value & 0b100) != 0) {
            trace(() -> (master == BusMaster.CPU ? "firmware" : "debugger") + " requested a system reset (AIRCR.SYSRESETREQ)");
            ports.systemResetRequest();
        } else if ((value & 0b001) != 0) {
            reset();
        } else if ((value & 0b010) != 0) {
            nvic.clearAllActive();
        }
    }

    void lockUp(String why) {
        lockedUp = true;
        sleeping = false;
        state.r[CoreState.PC] = LOCKUP_PC;
        attention = true;
        faultTrace(() -> "LOCKUP: " + why + "; PC reads 0xFFFFFFFE, DHCSR.S_LOCKUP = 1 until a reset or a debugger halt");
    }

    /** A debug event or request stops the core before its next instruction. */
    void halt(int dfsrBit) {
        if (!halted) {
            haltNanos = time.nanos();
        }
        halted = true;
        lockedUp = false;
        sleeping = false;
        attention = true;
        debug.haltedBy(dfsrBit);
        trace(() -> String.format("halted (DFSR 0x%X) at PC 0x%08X", dfsrBit, state.r[CoreState.PC]));
    }

    void debugHalt() {
        halt(0);
    }

    void debugResume() {
        halted = false;
        memory.flushFetch();
        attention = checkExceptions = true;
        debug.control &= ~HaltingDebug.C_HALT;
        time.follow(clock.nanos());
    }

    /** C_STEP: one instruction (or one exception entry) within the DHCSR write, then halted again. */
    void debugStep() {
        time.follow(clock.nanos());
        refreshSettings();
        halted = false;
        lockedUp = false;
        executing = true;
        try {
            attention = true;
            checkExceptions = true;
            if (!debug.maskInts() && exceptions.takePending(false)) {
                // entering the handler is the step
            } else if (fpb.armed && fpb.matches(state.r[CoreState.PC])) {
                halt(HaltingDebug.DFSR_BKPT);
            } else {
                time.cycles += step();
            }
        } finally {
            executing = false;
        }
        if (resetPending) {
            reset();
        }
        if (impreciseFault) {
            impreciseFault = false;
            exceptions.impreciseBusFault(impreciseAddress);
        }
        if (pendingDebugEventFault) {
            pendingDebugEventFault = false;
            exceptions.debugEventFault();
        }
        sleeping = false;
        if (!halted) {
            halt(HaltingDebug.DFSR_HALTED);
        }
    }

    // ---------------------------------------------------------------- debug register transfer (DCRSR)

    int readDebugRegister(int regsel) {
        return switch (regsel) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 -> state.r[regsel];
            case 16 -> state.xpsr();
            case 17 -> state.msp();
            case 18 -> state.psp();
            case 20 -> state.control << 24 | state.faultmask << 16 | state.basepri << 8 | state.primask;
            default -> 0;
        };
    }

    void writeDebugRegister(int regsel, int value) {
        switch (regsel) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14 -> state.r[regsel] = value;
            case 13 -> state.r[13] = value & ~3;
            case 15 -> state.r[15] = value & ~1;
            case 16 -> state.setXpsr(value);
            case 17 -> state.setMsp(value);
            case 18 -> state.setPsp(value);
            case 20 -> {
                state.setControl(value >>> 24 & 3);
                state.faultmask = value >>> 16 & 1;
                state.basepri = value >>> 8 & Nvic.PRIORITY_MASK;
                state.primask = value & 1;
            }
            default -> { }
        }
        flushPipeline();
        attention = checkExceptions = true;
    }

    // ---------------------------------------------------------------- ExecutionContext

    @Override
    public int fetch16(int address) {
        return memory.fetch16(address);
    }

    @Override
    public int read(int address, int size) {
        return memory.read(address, size);
    }

    @Override
    public void write(int address, int size, int value) {
        memory.write(address, size, value);
    }

    @Override
    public void branchNotTaken(int target) {
        memory.speculativeFetch(target);
    }

    @Override
    public boolean unalignedTrap() {
        return (scs.ccr & SystemControlSpace.CCR_UNALIGN_TRP) != 0;
    }

    @Override
    public boolean divideByZeroTrap() {
        return (scs.ccr & SystemControlSpace.CCR_DIV_0_TRP) != 0;
    }

    @Override
    public void exceptionReturn(int excReturn) {
        returnCycles = exceptions.exceptionReturn(excReturn);
        flushPipeline();
        eventRegister = true;
        monitor.clear();
        attention = checkExceptions = true;
        if (exceptions.sleepOnExit()) {
            sleeping = true;
            sleepIsWfe = false;
        }
    }

    @Override
    public void supervisorCall(int imm8) {
        exceptions.synchronousException(Nvic.SVCALL, "SVC #" + imm8);
        attention = checkExceptions = true;
    }

    @Override
    public boolean breakpoint(int imm8) {
        int pc = state.r[CoreState.PC];
        if (imm8 == 0xAB && semihosting != null) {
            syncClock();
            int result = semihosting.service(state.r[0], state.r[1], memory::read, time.nanos());
            state.r[0] = result;
            if (semihosting.exited()) {
                exited = true;
                halt(HaltingDebug.DFSR_BKPT);
                return false;
            }
            return true;
        }
        if (debug.enabled()) {
            halt(HaltingDebug.DFSR_BKPT);
            return false;
        }
        faultTrace(() -> String.format("BKPT 0x%02X at 0x%08X without a debugger: HardFault (HFSR.DEBUGEVT)", imm8, pc));
        pendingDebugEventFault = true;
        attention = true;
        return false;
    }

    @Override
    public void waitForInterrupt() {
        sleepUnlessWoken(false);
    }

    @Override
    public void waitForEvent() {
        if (eventRegister) {
            eventRegister = false;
            return;
        }
        sleepUnlessWoken(true);
    }

    /** WFI/WFE: the core sleeps (the run loop jumps time) unless a wake-up condition already holds. */
    private void sleepUnlessWoken(boolean wfe) {
        if (!exceptions.wakesFromSleep(wfe, false)) {
            sleeping = true;
            sleepIsWfe = wfe;
            attention = true;
        }
    }

    @Override
    public void sendEvent() {
        eventRegister = true;
    }

    @Override
    public int readSpecial(int sysm) {
        if (sysm <= 7) {
            // bit 0 adds IPSR, bit 2 leaves APSR out; EPSR reads as zero (B5.2.2)
            return ((sysm & 4) == 0 ? state.apsr & 0xF800_0000 : 0) | ((sysm & 1) != 0 ? state.ipsr : 0);
        }
        return switch (sysm) {
            case 8 -> state.privileged() ? state.msp() : 0;
            case 9 -> state.privileged() ? state.psp() : 0;
            case 16 -> state.primask;
            case 17, 18 -> state.basepri;
            case 19 -> state.faultmask;
            case 20 -> state.control;
            default -> 0;
        };
    }

    @Override
    public void writeSpecial(int sysm, int mask, int value) {
        if (sysm <= 3) {
            if ((mask & 0b10) != 0) {
                state.apsr = value & 0xF800_0000;
            }
            return;
        }
        if (!state.privileged()) {
            return;
        }
        switch (sysm) {
            case 8 -> state.setMsp(value);
            case 9 -> state.setPsp(value);
            case 16 -> state.primask = value & 1;
            case 17 -> state.basepri = value & Nvic.PRIORITY_MASK;
            case 18 -> {
                int v = value & Nvic.PRIORITY_MASK;
                if (v != 0 && (state.basepri == 0 || v < state.basepri)) {
                    state.basepri = v;
                }
            }
            case 19 -> {
                if (exceptions.executionPriority() > -1) {
                    state.faultmask = value & 1;
                }
            }
            case 20 -> {
                int control = value & 3;
                if (state.handlerMode()) {
                    control = control & ~CoreState.CONTROL_SPSEL | state.control & CoreState.CONTROL_SPSEL;
                }
                state.setControl(control);
            }
            default -> { }
        }
        attention = checkExceptions = true;
    }

    @Override
    public void changeProcessorState(boolean disable, boolean affectI, boolean affectF) {
        if (!state.privileged()) {
            return;
        }
        if (affectI) {
            state.primask = disable ? 1 : 0;
        }
        if (affectF && (!disable || exceptions.executionPriority() > -1)) {
            state.faultmask = disable ? 1 : 0;
        }
        attention = checkExceptions = true;
    }

    @Override
    public void setExclusive(int address, int size) {
        monitor.mark();
    }

    @Override
    public boolean checkAndClearExclusive(int address, int size) {
        return monitor.checkAndClear();
    }

    @Override
    public void clearExclusive() {
        monitor.clear();
    }

    /** Exception entry: the monitor opens, the event register is set, the pipeline restarts. */
    void clearExclusiveOnException() {
        monitor.clear();
        eventRegister = true;
        flushPipeline();
    }

    /** The pipeline restarts: no pending LDR pairing, and the next instruction fetch is not sequential. */
    private void flushPipeline() {
        interpreter.flushPipeline();
        memory.flushFetch();
    }

    // ---------------------------------------------------------------- trace

    void trace(java.util.function.Supplier<String> text) {
        if (tracer.active()) {
            tracer.emit(() -> new SimTraceEvent.ExceptionEvent(time.nanos(), text.get()));
        }
    }

    void faultTrace(java.util.function.Supplier<String> text) {
        if (tracer.active()) {
            tracer.emit(() -> new SimTraceEvent.FaultEvent(time.nanos(), text.get()));
        }
    }
}
