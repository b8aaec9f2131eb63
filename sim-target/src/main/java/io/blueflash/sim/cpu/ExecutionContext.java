package io.blueflash.sim.cpu;

/**
 * What one instruction needs from the rest of the core and the chip, besides {@link CoreState}
 * (the ARMv7-M ARM's pseudocode functions that reach outside the register file). The system side
 * of the core implements it: memory goes through the chip's AHB as the CPU master and is timed
 * there (flash wait states, prefetch, FPEC stalls); bus errors come back as {@link CpuFault}s of
 * kind IBUSERR (fetch) or PRECISERR (data) carrying the address.
 *
 * <p>The interpreter adds the TRM's core cycles (Cortex-M3 TRM Table 3-1); wait states of the
 * memories are the context's business.
 */
public interface ExecutionContext {

    /** An instruction half-word fetch at {@code address} (even). */
    int fetch16(int address);

    /** A data read of 1, 2 or 4 bytes, zero-extended. Alignment was checked by the interpreter. */
    int read(int address, int size);

    /** A data write of 1, 2 or 4 bytes (value's low bytes). */
    void write(int address, int size, int value);

    /**
     * LDRT/LDRBT/LDRHT/LDRSBT/LDRSHT: a data read checked as unprivileged (A7.7: the "T"
     * variants). The default treats it as {@link #read}; override where privilege matters (PPB).
     */
    default int readUnprivileged(int address, int size) {
        return read(address, size);
    }

    /** STRT/STRBT/STRHT: as {@link #readUnprivileged} for writes. */
    default void writeUnprivileged(int address, int size, int value) {
        write(address, size, value);
    }

    /** CCR.UNALIGN_TRP: unaligned LDR/STR/LDRH/STRH fault instead of being split. */
    boolean unalignedTrap();

    /** CCR.DIV_0_TRP: SDIV/UDIV by zero raise UsageFault DIVBYZERO instead of giving 0. */
    boolean divideByZeroTrap();

    /** Handler mode wrote an EXC_RETURN value (0xFxxxxxxx) to the PC: return from the exception (B1.5.8). */
    void exceptionReturn(int excReturn);

    /** SVC #imm8: pend SVCall; the return address (next instruction) is already in the PC. */
    void supervisorCall(int imm8);

    /**
     * BKPT #imm8 at the current PC, before it executes: halt in debug state, service semihosting
     * (imm8 0xAB) or escalate to HardFault. Returns true if the instruction is done (execution
     * continues after it, e.g. semihosting serviced), false if the core stopped at it (PC unchanged).
     */
    boolean breakpoint(int imm8);

    /** WFI: sleep until an interrupt would wake the core. */
    void waitForInterrupt();

    /** WFE: sleep unless the event register is set (then clear it). */
    void waitForEvent();

    /** SEV: set the event register. */
    void sendEvent();

    /** MRS: read special register SYSm (B5.2.2); unprivileged reads of some give 0. */
    int readSpecial(int sysm);

    /** MSR: write special register SYSm with the mask bits (B5.2.3), honouring privilege. */
    void writeSpecial(int sysm, int mask, int value);

    /** CPSID/CPSIE: {@code disable} with affect-I / affect-F (no effect unprivileged). */
    void changeProcessorState(boolean disable, boolean affectI, boolean affectF);

    /** The exclusive monitor (TRM §3.6): LDREX* marks it open→exclusive. */
    void setExclusive(int address, int size);

    /** STREX*: true (store happens, Rd=0) iff the monitor is exclusive; the monitor opens either way. */
    boolean checkAndClearExclusive(int address, int size);

    /**
     * A conditional branch (B&lt;c&gt;, CBZ, CBNZ) was not taken. The core had fetched its target
     * speculatively (Cortex-M3 TRM, prefetch unit), which costs nothing at zero wait states; the
     * context charges what that fetch did to its memory (the flash line buffers).
     */
    default void branchNotTaken(int target) {
    }

    /** CLREX. */
    void clearExclusive();
}
