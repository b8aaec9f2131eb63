package io.blueflash.flash.stm32f1;

import io.blueflash.flash.FlashOperationException;
import io.blueflash.model.PollBudget;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The runs of the SRAM loader's routines on the target's core during one session: PC in, resume
 * with interrupts masked, and a fault turned into a halt by vector catch (DEMCR.VC_*, DDI0403E
 * C1.6.5), so a loader that faults stops at the handler instead of running the firmware's handler
 * from flash. {@link #end()} halts the core if it still runs and puts DEMCR back: callers call it in
 * {@code finally}, so the core is left halted and DEMCR as it was on every exit path.
 *
 * <p>Each probe command costs a USB round trip, so a run sets only what it must: the routines read
 * their arguments and SP from the control block the caller wrote (with its data, in one transfer),
 * DEMCR is read once per session, and once a run has ended on the loader's BKPT (its status word
 * says so) the next run knows the core is halted with xPSR.T set and writes PC alone. The fault catches are
 * armed at the first run after {@link #end()} and put back by it. The routines load SP from
 * the control block before anything that could fault, so that a fault stacks its frame in the work area.
 */
final class LoaderRun {

    // ARMv7-M debug and fault registers (DDI0403E C1.6, B3.2.15–B3.2.16; PM0056 §4.4).
    static final int CFSR = 0xE000_ED28;
    static final int HFSR = 0xE000_ED2C;
    static final int DFSR = 0xE000_ED30;
    static final int DEMCR = 0xE000_EDFC;
    static final int DFSR_BKPT = 1 << 1;
    static final int DFSR_VCATCH = 1 << 3;
    /** VC_MMERR, VC_NOCPERR, VC_CHKERR, VC_STATERR, VC_BUSERR, VC_INTERR, VC_HARDERR. */
    static final int VECTOR_CATCH_FAULTS = 0x7F0;
    static final int REG_SP = 13;
    static final int REG_PC = 15;
    static final int REG_XPSR = 16;
    static final int XPSR_THUMB = 1 << 24;

    private final MemoryAccess memory;
    private final CoreControl core;
    private final SramWorkArea area;
    /** The probe reads memory while the core runs (a MEM-AP does; a GDB server does not). */
    private final boolean readsWhileRunning;
    private Integer savedDemcr;
    /** The last run ended on the loader's BKPT: the core is halted there, xPSR.T set. */
    private boolean parked;
    private boolean started;

    LoaderRun(MemoryAccess memory, CoreControl core, SramWorkArea area) {
        this(memory, core, area, true);
    }

    /** @param readsWhileRunning false for a probe that reads memory only while the core is halted (GDB remote) */
    LoaderRun(MemoryAccess memory, CoreControl core, SramWorkArea area, boolean readsWhileRunning) {
        this.memory = memory;
        this.core = core;
        this.area = area;
        this.readsWhileRunning = readsWhileRunning;
    }

    /**
     * Halts the core if needed, arms the fault vector catches, sets PC (and xPSR.T unless the last run
     * ended on the loader's BKPT) and resumes with interrupts masked. SP is the routines' first load. The caller has written the
     * control block.
     */
    void start(int entryOffset) {
        if (!parked && !core.isHalted()) {
            core.halt();
        }
        if (!started) {
            catchFaults();
        }
        started = true;
        core.writeCoreRegister(REG_PC, area.code() + entryOffset);
        if (!parked) {                            // a firmware's reset vector may have left T clear
            core.writeCoreRegister(REG_XPSR, XPSR_THUMB);
        }
        parked = false;
        core.resumeMaskingInterrupts();
    }

    boolean stopped() {
        return core.isHalted();
    }

    /**
     * Waits for the routine's BKPT, then reads {@code bytes} of the control block and what follows it
     * in one transfer. The routines write their status word before BKPT: a status with
     * {@link SramWorkArea#STATUS_DONE} or {@link SramWorkArea#STATUS_ERROR} means the core stopped
     * there; any other halt is a fault.
     *
     * @throws FlashOperationException {@code LOADER_TIMEOUT} or {@code LOADER_FAULT}
     */
    ByteBuffer awaitDone(PollBudget budget, String what, int bytes) {
        PollBudget.Poll poll = budget.start();
        while (!core.isHalted()) {
            if (poll.spent()) {
                throw timeout(what, poll.attempts());
            }
        }
        ByteBuffer result = ByteBuffer.wrap(memory.readBlock(area.control(), bytes)).order(ByteOrder.LITTLE_ENDIAN);
        int status = result.getInt(SramWorkArea.STATUS);
        if ((status & (SramWorkArea.STATUS_DONE | SramWorkArea.STATUS_ERROR)) == 0) {
            requireBreakpoint(what);
            throw new FlashOperationException(FlashOperationException.Reason.LOADER_FAULT, String.format(
                    "%s: the flash loader in SRAM stopped on its breakpoint without writing its status (0x%08X); "
                            + "the FPEC was locked again and the core left halted", what, status), null);
        }
        parked = true;
        return result;
    }

    /**
     * Waits for the CRC routine, whose last store before its BKPT replaces its control block's first word (the
     * host wrote {@code running} there) and returns that word: it polls the word itself, one probe command
     * each, and from the second poll on DHCSR too while the word is unchanged (a fault stops the core
     * without writing it), so a routine done by the first or second poll costs one or two commands. A halt
     * with the word unchanged is a fault, or the routine's own BKPT after it wrote a value equal to
     * {@code running}. A probe that reads memory only while the core is halted waits for the halt first.
     *
     * @throws FlashOperationException {@code LOADER_TIMEOUT} or {@code LOADER_FAULT}
     */
    int awaitResultWord(PollBudget budget, String what, int running) {
        PollBudget.Poll poll = budget.start();
        boolean polled = false;
        while (true) {
            if (readsWhileRunning) {
                int word = memory.read32(area.crcControl() + SramWorkArea.STATUS);
                if (word != running) {
                    parked = true;                // the next instruction is the BKPT
                    return word;
                }
            }
            if ((polled || !readsWhileRunning) && core.isHalted()) {
                int word = memory.read32(area.crcControl() + SramWorkArea.STATUS);
                if (word == running) {            // most often the routine ended between the two reads
                    requireBreakpoint(what);
                }
                parked = true;
                return word;
            }
            polled = true;
            if (poll.spent()) {
                throw timeout(what, poll.attempts());
            }
        }
    }

    /** @throws FlashOperationException {@code LOADER_FAULT} unless the core halted on the loader's BKPT */
    void requireBreakpoint(String what) {
        int dfsr = memory.read32(DFSR);
        if ((dfsr & DFSR_BKPT) != 0 && (dfsr & DFSR_VCATCH) == 0) {
            return;
        }
        int pc = core.readCoreRegister(REG_PC);
        if (onLoaderBreakpoint(pc)) {             // DFSR may still hold an earlier halt's reason
            return;
        }
        throw new FlashOperationException(FlashOperationException.Reason.LOADER_FAULT, String.format(
                "%s: the flash loader in SRAM took a fault%s and the core halted at 0x%08X (DFSR=0x%08X, CFSR=0x%08X, "
                        + "HFSR=0x%08X; fault status registers, Cortex-M3 TRM §4 / DDI0403E B3.2.15); the FPEC was "
                        + "locked again and the core left halted. Flash may hold part of the data: write again",
                what, faultingInstruction(dfsr), pc, dfsr, memory.read32(CFSR), memory.read32(HFSR)), null);
    }

    /**
     * When DFSR does not tell (a Black Magic Probe reads and clears it when it sees the core halt; after a
     * reset-halt the first run starts without clearing it): the halt was the loader's own when the PC is in
     * the loader's code on a BKPT (T1 encoding 0xBExx, DDI0403E A7.7.17). A fault caught by vector catch
     * halts at a handler in flash instead.
     */
    private boolean onLoaderBreakpoint(int pc) {
        if (pc < area.code() || pc >= area.control() - 1) {
            return false;
        }
        try {
            return (memory.read16(pc) & 0xFF00) == 0xBE00;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** " at 0x…" from the exception frame the fault stacked (its return address, B1.5.6), or "" when unreadable. */
    private String faultingInstruction(int dfsr) {
        if ((dfsr & DFSR_VCATCH) == 0) {
            return "";
        }
        try {
            return String.format(" at 0x%08X", memory.read32(core.readCoreRegister(REG_SP) + 24));
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /** The error for a loader that made no progress within {@code attempts} polls; {@link #end()} halts it. */
    FlashOperationException timeout(String what, int attempts) {
        return new FlashOperationException(FlashOperationException.Reason.LOADER_TIMEOUT, String.format(
                "%s: the flash loader in SRAM made no progress after %d polls (one half-word takes at most 70 µs, "
                        + "DS5319 t_prog); the core was halted and the FPEC locked again. Flash may hold part of the "
                        + "data: write again, or program through the registers instead of the loader", what, attempts),
                null);
    }

    /** Halts the core if it may still run and restores DEMCR; safe to call more than once. */
    void end() {
        if (!started) {
            return;
        }
        started = false;
        try {
            if (!parked && !core.isHalted()) {
                core.halt();
            }
        } finally {
            if (!core.catchFaults(false)) {
                memory.write32(DEMCR, savedDemcr);
            }
        }
    }

    /** Through the run control when it keeps DEMCR, else a read (once per session) and a write of DEMCR here. */
    private void catchFaults() {
        if (core.catchFaults(true)) {
            return;
        }
        if (savedDemcr == null) {
            savedDemcr = memory.read32(DEMCR);
        }
        memory.write32(DEMCR, savedDemcr | VECTOR_CATCH_FAULTS);
    }
}
