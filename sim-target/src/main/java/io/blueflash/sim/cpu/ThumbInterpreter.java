package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.LR;
import static io.blueflash.sim.cpu.CoreState.PC;
import static io.blueflash.sim.cpu.CoreState.SP;

/**
 * Decodes and executes one Thumb / Thumb-2 instruction of the ARMv7-M profile as the Cortex-M3
 * implements it (ARMv7-M ARM A5–A7; no DSP, no FPU): flags, IT blocks, interworking, exclusive
 * access, divide, and the faults the silicon raises for what it does not implement.
 *
 * <p>This class holds the entry point, the IT-block sequencing (A7.3) and the 16-bit encodings
 * (A5.2); {@link Thumb32} executes the 32-bit ones. While an instruction executes, {@code r[15]}
 * already holds the address of the next one (reads of the PC as an operand use address + 4
 * explicitly); a {@link CpuFault} puts the PC and ITSTATE back, so the fault is taken on the
 * faulting instruction. One interpreter per core: it remembers the previous load for the
 * cycle model's LDR pairing.
 */
public final class ThumbInterpreter {

    private final LoadStore memory = new LoadStore();
    private final Thumb32 wide = new Thumb32(memory);

    /**
     * Executes the instruction at {@code state.r[15]} and returns the core cycles it took (TRM
     * Table 3-1, zero wait states, see {@link CycleModel}). Faults are thrown as {@link CpuFault}
     * before any register is changed that the architecture says survives the fault.
     */
    public int step(CoreState state, ExecutionContext context) {
        int pc = state.r[PC];
        if (!state.thumb) {
            memory.reset();
            throw new CpuFault(CpuFault.Kind.INVSTATE, String.format(
                    "UsageFault INVSTATE: execution at 0x%08X with EPSR.T = 0 (ARMv7-M ARM A2.3.1)", pc));
        }
        memory.startInstruction();
        int hw1 = context.fetch16(pc);
        int it = state.itState;
        if (it != 0) {
            return stepInItBlock(state, context, hw1, pc, it);
        }
        try {
            if (hw1 < 0xE800) {
                state.r[PC] = pc + 2;
                return execute16(state, context, hw1, pc, true);
            }
            int hw2 = context.fetch16(pc + 2);
            state.r[PC] = pc + 4;
            return wide.execute(state, context, hw1, hw2, pc);
        } catch (CpuFault fault) {
            state.r[PC] = pc;
            memory.reset();
            throw fault;
        }
    }

    /**
     * The fast path of {@link CortexM3Core}: executes instructions from the decode cache
     * ({@link CoreMemory#decoded}, {@link Predecoded}) back to back while the core needs no look
     * between them (no attention, no IT block, Thumb state) and {@code limit} cycles are not reached.
     * Same semantics and cycles as {@link #step} (the generic kinds go through the same decoders);
     * one loop with the dispatch inline, so the JIT keeps it in one compiled method. Returns the
     * number of instructions executed (0: the PC is not in decode-cached memory, {@link #step} must).
     */
    int runDecoded(CortexM3Core core, CoreState s, CoreMemory code, CoreTime time, long limit) {
        int[] r = s.r;
        int ran = 0;
        boolean retired = false;
        boolean run = !core.attention && s.itState == 0 && s.thumb;
        while (run) {
            int pc = r[PC];
            long entry = code.decoded(pc);
            if (entry == 0) {
                break;
            }
            int cycles;
            // only loads, stores, the miscellaneous group and the generic kinds can need the core's
            // attention (a peripheral, an exception, a halt) or leave Thumb state or enter an IT block
            boolean settled = true;
            memory.startInstruction();
            int value = (int) entry;
            r[PC] = pc + (Predecoded.wide(entry) ? 4 : 2);
            try {
                switch (Predecoded.kind(entry)) {
                    case Predecoded.ADDS_REGISTER: {
                        int x = r[Predecoded.n(entry)];
                        int y = r[Predecoded.m(entry)];
                        int result = x + y;
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.addFlags(s.apsr, x, y, 0, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.SUBS_REGISTER: {
                        int x = r[Predecoded.n(entry)];
                        int y = r[Predecoded.m(entry)];
                        int result = x - y;
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.subFlags(s.apsr, x, y, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.ADDS_IMMEDIATE: {
                        int x = r[Predecoded.n(entry)];
                        int result = x + value;
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.addFlags(s.apsr, x, value, 0, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.SUBS_IMMEDIATE: {
                        int x = r[Predecoded.n(entry)];
                        int result = x - value;
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.subFlags(s.apsr, x, value, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.MOVS_IMMEDIATE:
                        r[Predecoded.d(entry)] = value;
                        s.apsr = Alu.nz(s.apsr, value);
                        cycles = CycleModel.ALU;
                        break;
                    case Predecoded.CMP_IMMEDIATE: {
                        int x = r[Predecoded.n(entry)];
                        s.apsr = Alu.subFlags(s.apsr, x, value, x - value);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.MOV_REGISTER:
                        r[Predecoded.d(entry)] = r[Predecoded.m(entry)];
                        cycles = CycleModel.ALU;
                        break;
                    case Predecoded.ADD_REGISTER:
                        r[Predecoded.d(entry)] = r[Predecoded.n(entry)] + r[Predecoded.m(entry)];
                        cycles = CycleModel.ALU;
                        break;
                    case Predecoded.ANDS: {
                        int result = r[Predecoded.n(entry)] & r[Predecoded.m(entry)];
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.nz(s.apsr, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.EORS: {
                        int result = r[Predecoded.n(entry)] ^ r[Predecoded.m(entry)];
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.nz(s.apsr, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.ORRS: {
                        int result = r[Predecoded.n(entry)] | r[Predecoded.m(entry)];
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.nz(s.apsr, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.BICS: {
                        int result = r[Predecoded.n(entry)] & ~r[Predecoded.m(entry)];
                        r[Predecoded.d(entry)] = result;
                        s.apsr = Alu.nz(s.apsr, result);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.TST:
                        s.apsr = Alu.nz(s.apsr, r[Predecoded.n(entry)] & r[Predecoded.m(entry)]);
                        cycles = CycleModel.ALU;
                        break;
                    case Predecoded.CMP_REGISTER: {
                        int x = r[Predecoded.n(entry)];
                        int y = r[Predecoded.m(entry)];
                        s.apsr = Alu.subFlags(s.apsr, x, y, x - y);
                        cycles = CycleModel.ALU;
                        break;
                    }
                    case Predecoded.SHIFT_IMMEDIATE:
                        cycles = shiftImmediate(s, value, true);
                        break;
                    case Predecoded.DATA_PROCESSING:
                        cycles = dataProcessing(s, value, true);
                        break;
                    case Predecoded.LOAD_STORE_IMMEDIATE:
                        settled = false;
                        cycles = loadStoreImmediate(s, core, value);
                        break;
                    case Predecoded.LOAD_STORE_REGISTER:
                        settled = false;
                        cycles = loadStoreRegister(s, core, value);
                        break;
                    case Predecoded.LOAD_LITERAL: {
                        settled = false;
                        int t = Predecoded.d(entry);
                        int address = (pc + 4 & ~3) + value;
                        r[t] = memory.read(core, address, 4);
                        cycles = memory.loadCycles(t, address, 4, PC, PC);
                        break;
                    }
                    case Predecoded.BRANCH_CONDITIONAL:
                        if (Alu.conditionPassed(Predecoded.d(entry), s.apsr)) {
                            r[PC] = pc + value;
                            cycles = CycleModel.BRANCH_TAKEN;
                            break;
                        }
                        core.branchNotTaken(pc + value);
                        cycles = CycleModel.BRANCH_NOT_TAKEN;
                        break;
                    case Predecoded.BRANCH:
                    case Predecoded.BRANCH_WIDE:
                        r[PC] = pc + value;
                        cycles = CycleModel.PC_WRITE;
                        break;
                    case Predecoded.BRANCH_LINK:
                        r[LR] = pc + 4 | 1;
                        r[PC] = pc + value;
                        cycles = CycleModel.PC_WRITE;
                        break;
                    case Predecoded.MISCELLANEOUS:
                        settled = false;
                        cycles = miscellaneous(s, core, value, pc);
                        break;
                    case Predecoded.ALU_IMMEDIATE:
                        r[Predecoded.d(entry)] = Thumb32DataProcessing.immediateWithoutFlags(
                                Predecoded.m(entry), Predecoded.n(entry), r[Predecoded.n(entry)], value);
                        cycles = CycleModel.ALU;
                        break;
                    case Predecoded.MOVW:
                        r[Predecoded.d(entry)] = value;
                        cycles = CycleModel.ALU;
                        break;
                    case Predecoded.GENERIC32:
                        settled = false;
                        cycles = wide.execute(s, core, value & 0xFFFF, value >>> 16, pc);
                        break;
                    default:
                        settled = false;
                        cycles = execute16(s, core, value & 0xFFFF, pc, true);
                        break;
                }
                retired = true;
            } catch (CpuFault fault) {
                r[PC] = pc;
                memory.reset();
                cycles = 1;
                core.takeFault(fault);
                settled = false;
            }
            if (!settled) {
                if (core.attention) {
                    cycles = core.exceptionReturnCycles(cycles);
                }
                run = !core.attention && s.itState == 0 && s.thumb;
            }
            int cost = Math.max(1, cycles + code.waitCycles);
            time.cycles += cost;
            code.waitCycles = 0;
            ran++;
            if (r[PC] == pc) {
                core.skipIdleLoop(pc, cost, limit);
                break;
            }
            if (time.cycles >= limit) {
                break;
            }
        }
        if (retired) {
            core.retired();
        }
        return ran;
    }

    /** Forgets the previous instruction (call after an exception entry or a debugger register write). */
    public void flushPipeline() {
        memory.reset();
    }

    /**
     * Inside an IT block: BKPT runs unconditionally; other instructions run when ITSTATE[7:4]
     * holds, 16-bit "S" forms without setting flags; ITSTATE advances (ITAdvance) unless the
     * instruction faults.
     */
    private int stepInItBlock(CoreState s, ExecutionContext c, int hw1, int pc, int it) {
        if ((hw1 & 0xFF00) == 0xBE00) {
            if (c.breakpoint(hw1 & 0xFF)) {
                s.r[PC] = pc + 2;
                s.itState = advance(it);
            }
            return CycleModel.HINT;
        }
        boolean is32 = hw1 >= 0xE800;
        if (!Alu.conditionPassed(it >>> 4, s.apsr)) {
            s.r[PC] = pc + (is32 ? 4 : 2);
            s.itState = advance(it);
            return CycleModel.SKIPPED;
        }
        try {
            if (!is32) {
                s.itState = advance(it);
                s.r[PC] = pc + 2;
                return execute16(s, c, hw1, pc, false);
            }
            int hw2 = c.fetch16(pc + 2);
            s.itState = advance(it);
            s.r[PC] = pc + 4;
            return wide.execute(s, c, hw1, hw2, pc);
        } catch (CpuFault fault) {
            s.r[PC] = pc;
            s.itState = it;
            memory.reset();
            throw fault;
        }
    }

    /** ITAdvance() (A7.3.2). */
    static int advance(int it) {
        return (it & 7) == 0 ? 0 : it & 0xE0 | it << 1 & 0x1F;
    }

    /** One 16-bit instruction (A5.2); {@code setFlags} is false inside an IT block. */
    private int execute16(CoreState s, ExecutionContext c, int op, int pc, boolean setFlags) {
        int[] r = s.r;
        switch (op >>> 10) {
            case 0: case 1: case 2: case 3: case 4: case 5:
                return shiftImmediate(s, op, setFlags);
            case 6: case 7:
                return addSubtractThree(s, op, setFlags);
            case 8: case 9: { // MOVS Rd, #imm8
                int value = op & 0xFF;
                r[op >>> 8 & 7] = value;
                if (setFlags) {
                    s.apsr = Alu.nz(s.apsr, value);
                }
                return CycleModel.ALU;
            }
            case 10: case 11: { // CMP Rn, #imm8
                int x = r[op >>> 8 & 7];
                int y = op & 0xFF;
                s.apsr = Alu.subFlags(s.apsr, x, y, x - y);
                return CycleModel.ALU;
            }
            case 12: case 13: { // ADDS Rdn, #imm8
                int d = op >>> 8 & 7;
                int x = r[d];
                int y = op & 0xFF;
                int result = x + y;
                r[d] = result;
                if (setFlags) {
                    s.apsr = Alu.addFlags(s.apsr, x, y, 0, result);
                }
                return CycleModel.ALU;
            }
            case 14: case 15: { // SUBS Rdn, #imm8
                int d = op >>> 8 & 7;
                int x = r[d];
                int y = op & 0xFF;
                int result = x - y;
                r[d] = result;
                if (setFlags) {
                    s.apsr = Alu.subFlags(s.apsr, x, y, result);
                }
                return CycleModel.ALU;
            }
            case 16:
                return dataProcessing(s, op, setFlags);
            case 17:
                return specialDataAndBranch(s, c, op, pc);
            case 18: case 19: { // LDR Rt, [PC, #imm8*4]
                int t = op >>> 8 & 7;
                int address = (pc + 4 & ~3) + ((op & 0xFF) << 2);
                r[t] = memory.read(c, address, 4);
                return memory.loadCycles(t, address, 4, PC, PC);
            }
            case 20: case 21: case 22: case 23:
                return loadStoreRegister(s, c, op);
            case 24: case 25: case 26: case 27: case 28: case 29: case 30: case 31:
            case 32: case 33: case 34: case 35: case 36: case 37: case 38: case 39:
                return loadStoreImmediate(s, c, op);
            case 40: case 41: // ADR Rd, #imm8*4
                r[op >>> 8 & 7] = (pc + 4 & ~3) + ((op & 0xFF) << 2);
                return CycleModel.ALU;
            case 42: case 43: // ADD Rd, SP, #imm8*4
                r[op >>> 8 & 7] = r[SP] + ((op & 0xFF) << 2);
                return CycleModel.ALU;
            case 44: case 45: case 46: case 47:
                return miscellaneous(s, c, op, pc);
            case 48: case 49: { // STM Rn!, {list}
                int n = op >>> 8 & 7;
                int list = op & 0xFF;
                int start = r[n];
                return memory.storeMultiple(s, c, n, start, list, true, start + (Integer.bitCount(list) << 2));
            }
            case 50: case 51: { // LDM Rn{!}, {list}: write-back iff Rn is not in the list
                int n = op >>> 8 & 7;
                int list = op & 0xFF;
                int start = r[n];
                return memory.loadMultiple(s, c, n, start, list, true, start + (Integer.bitCount(list) << 2));
            }
            case 52: case 53: case 54: case 55:
                return conditionalBranchOrSupervisorCall(s, c, op, pc);
            case 56: case 57: // B T2
                r[PC] = pc + 4 + (op << 21 >> 20);
                return CycleModel.PC_WRITE;
            default:
                throw new IllegalStateException("32-bit prefix in the 16-bit decoder: " + Integer.toHexString(op));
        }
    }

    /** LSL/LSR/ASR Rd, Rm, #imm5 (LSL #0 is MOVS Rd, Rm). */
    static int shiftImmediate(CoreState s, int op, boolean setFlags) {
        int[] r = s.r;
        long shifted = Alu.immShiftC(r[op >>> 3 & 7], op >>> 11, op >>> 6 & 0x1F, Alu.carry(s.apsr));
        int result = (int) shifted;
        r[op & 7] = result;
        if (setFlags) {
            s.apsr = Alu.nzc(s.apsr, result, Alu.carryOf(shifted));
        }
        return CycleModel.ALU;
    }

    /** ADDS/SUBS Rd, Rn, Rm and ADDS/SUBS Rd, Rn, #imm3. */
    private static int addSubtractThree(CoreState s, int op, boolean setFlags) {
        int[] r = s.r;
        int x = r[op >>> 3 & 7];
        int y = (op & 0x400) != 0 ? op >>> 6 & 7 : r[op >>> 6 & 7];
        int result;
        if ((op & 0x200) == 0) {
            result = x + y;
            if (setFlags) {
                s.apsr = Alu.addFlags(s.apsr, x, y, 0, result);
            }
        } else {
            result = x - y;
            if (setFlags) {
                s.apsr = Alu.subFlags(s.apsr, x, y, result);
            }
        }
        r[op & 7] = result;
        return CycleModel.ALU;
    }

    /** A5.2.2: the sixteen register-to-register operations on R0–R7. */
    static int dataProcessing(CoreState s, int op, boolean setFlags) {
        int[] r = s.r;
        int d = op & 7;
        int x = r[d];
        int y = r[op >>> 3 & 7];
        int apsr = s.apsr;
        int result;
        switch (op >>> 6 & 0xF) {
            case 0x0: result = x & y; break;
            case 0x1: result = x ^ y; break;
            case 0x2: return shiftRegister(s, d, x, Alu.LSL, y, setFlags);
            case 0x3: return shiftRegister(s, d, x, Alu.LSR, y, setFlags);
            case 0x4: return shiftRegister(s, d, x, Alu.ASR, y, setFlags);
            case 0x5: { // ADCS
                int carry = Alu.carry(apsr);
                result = x + y + carry;
                r[d] = result;
                if (setFlags) {
                    s.apsr = Alu.addFlags(apsr, x, y, carry, result);
                }
                return CycleModel.ALU;
            }
            case 0x6: { // SBCS
                int carry = Alu.carry(apsr);
                result = x + ~y + carry;
                r[d] = result;
                if (setFlags) {
                    s.apsr = Alu.addFlags(apsr, x, ~y, carry, result);
                }
                return CycleModel.ALU;
            }
            case 0x7: return shiftRegister(s, d, x, Alu.ROR, y, setFlags);
            case 0x8: // TST
                s.apsr = Alu.nz(apsr, x & y);
                return CycleModel.ALU;
            case 0x9: // RSBS Rd, Rn, #0 (NEGS)
                result = -y;
                r[d] = result;
                if (setFlags) {
                    s.apsr = Alu.subFlags(apsr, 0, y, result);
                }
                return CycleModel.ALU;
            case 0xA: // CMP
                s.apsr = Alu.subFlags(apsr, x, y, x - y);
                return CycleModel.ALU;
            case 0xB: // CMN
                s.apsr = Alu.addFlags(apsr, x, y, 0, x + y);
                return CycleModel.ALU;
            case 0xC: result = x | y; break;
            case 0xD: // MULS: N and Z only
                result = x * y;
                r[d] = result;
                if (setFlags) {
                    s.apsr = Alu.nz(apsr, result);
                }
                return CycleModel.MUL;
            case 0xE: result = x & ~y; break;
            default: result = ~y; break; // MVNS
        }
        r[d] = result;
        if (setFlags) {
            s.apsr = Alu.nz(apsr, result);
        }
        return CycleModel.ALU;
    }

    private static int shiftRegister(CoreState s, int d, int value, int type, int amount, boolean setFlags) {
        long shifted = Alu.shiftC(value, type, amount & 0xFF, Alu.carry(s.apsr));
        int result = (int) shifted;
        s.r[d] = result;
        if (setFlags) {
            s.apsr = Alu.nzc(s.apsr, result, Alu.carryOf(shifted));
        }
        return CycleModel.ALU;
    }

    /** A5.2.3: ADD/CMP/MOV on any registers (PC reads as address + 4), BX, BLX. */
    private int specialDataAndBranch(CoreState s, ExecutionContext c, int op, int pc) {
        int[] r = s.r;
        int m = op >>> 3 & 0xF;
        int y = m == PC ? pc + 4 : r[m];
        int kind = op >>> 8 & 3;
        if (kind == 3) {
            if ((op & 0x80) != 0) { // BLX Rm
                r[LR] = pc + 2 | 1;
                PcWrites.blxWritePc(s, y);
            } else {
                PcWrites.bxWritePc(s, c, y);
            }
            return CycleModel.PC_WRITE;
        }
        int d = op >>> 4 & 8 | op & 7;
        if (kind == 1) { // CMP Rn, Rm
            int x = d == PC ? pc + 4 : r[d];
            s.apsr = Alu.subFlags(s.apsr, x, y, x - y);
            return CycleModel.ALU;
        }
        int result = kind == 0 ? (d == PC ? pc + 4 : r[d]) + y : y;
        if (d == PC) { // ALUWritePC = BranchWritePC on v7-M
            r[PC] = result & ~1;
            return CycleModel.PC_WRITE;
        }
        r[d] = d == SP ? result & ~3 : result;
        return CycleModel.ALU;
    }

    /** A5.2.4 with register offset: STR STRH STRB LDRSB LDR LDRH LDRB LDRSH. */
    private int loadStoreRegister(CoreState s, ExecutionContext c, int op) {
        int[] r = s.r;
        int m = op >>> 6 & 7;
        int n = op >>> 3 & 7;
        int t = op & 7;
        int address = r[n] + r[m];
        int size;
        switch (op >>> 9 & 7) {
            case 0: memory.write(c, address, 4, r[t]);
                return memory.storeCycles(CycleModel.STORE_REGISTER, address, 4, n, m);
            case 1: memory.write(c, address, 2, r[t]);
                return memory.storeCycles(CycleModel.STORE_REGISTER, address, 2, n, m);
            case 2: memory.write(c, address, 1, r[t]);
                return memory.storeCycles(CycleModel.STORE_REGISTER, address, 1, n, m);
            case 3: r[t] = (byte) memory.read(c, address, 1); size = 1; break;
            case 4: r[t] = memory.read(c, address, 4); size = 4; break;
            case 5: r[t] = memory.read(c, address, 2); size = 2; break;
            case 6: r[t] = memory.read(c, address, 1); size = 1; break;
            default: r[t] = (short) memory.read(c, address, 2); size = 2; break;
        }
        return memory.loadCycles(t, address, size, n, m);
    }

    /** A5.2.4 with immediate offset, including the SP-relative word forms. */
    private int loadStoreImmediate(CoreState s, ExecutionContext c, int op) {
        int[] r = s.r;
        int group = op >>> 11;
        int t;
        int n;
        int address;
        if (group >= 0x12) { // STR/LDR Rt, [SP, #imm8*4]
            t = op >>> 8 & 7;
            n = SP;
            address = r[SP] + ((op & 0xFF) << 2);
        } else {
            t = op & 7;
            n = op >>> 3 & 7;
            address = r[n] + ((op >>> 6 & 0x1F) << (group >= 0x10 ? 1 : group >= 0xE ? 0 : 2));
        }
        int size;
        switch (group) {
            case 0xC: case 0x12:
                memory.write(c, address, 4, r[t]);
                return memory.storeCycles(CycleModel.STORE_IMMEDIATE, address, 4, n, n);
            case 0xE:
                memory.write(c, address, 1, r[t]);
                return memory.storeCycles(CycleModel.STORE_IMMEDIATE, address, 1, n, n);
            case 0x10:
                memory.write(c, address, 2, r[t]);
                return memory.storeCycles(CycleModel.STORE_IMMEDIATE, address, 2, n, n);
            case 0xD: case 0x13: r[t] = memory.read(c, address, 4); size = 4; break;
            case 0xF: r[t] = memory.read(c, address, 1); size = 1; break;
            default: r[t] = memory.read(c, address, 2); size = 2; break; // 0x11 LDRH
        }
        return memory.loadCycles(t, address, size, n, n);
    }

    /** A5.2.5: SP adjust, CBZ/CBNZ, extends, PUSH/POP, CPS, REV*, BKPT, IT and hints. */
    private int miscellaneous(CoreState s, ExecutionContext c, int op, int pc) {
        int[] r = s.r;
        switch (op >>> 8 & 0xF) {
            case 0x0: { // ADD/SUB SP, SP, #imm7*4
                int offset = (op & 0x7F) << 2;
                r[SP] = (op & 0x80) == 0 ? r[SP] + offset : r[SP] - offset;
                return CycleModel.ALU;
            }
            case 0x1: case 0x3: case 0x9: case 0xB: { // CBZ / CBNZ
                boolean branchIfNonZero = (op & 0x800) != 0;
                int target = pc + 4 + ((op >>> 3 & 0x1F) << 1 | (op & 0x200) >>> 3);
                if ((r[op & 7] != 0) == branchIfNonZero) {
                    r[PC] = target;
                    return CycleModel.BRANCH_TAKEN;
                }
                c.branchNotTaken(target);
                return CycleModel.BRANCH_NOT_TAKEN;
            }
            case 0x2: {
                int value = r[op >>> 3 & 7];
                switch (op >>> 6 & 3) {
                    case 0: value = (short) value; break;
                    case 1: value = (byte) value; break;
                    case 2: value &= 0xFFFF; break;
                    default: value &= 0xFF; break;
                }
                r[op & 7] = value;
                return CycleModel.ALU;
            }
            case 0x4: case 0x5: { // PUSH {list, LR?}
                int list = op & 0xFF | (op & 0x100) << 6;
                int start = r[SP] - (Integer.bitCount(list) << 2);
                return memory.storeMultiple(s, c, SP, start, list, true, start);
            }
            case 0xC: case 0xD: { // POP {list, PC?}
                int list = op & 0xFF | (op & 0x100) << 7;
                int start = r[SP];
                return memory.loadMultiple(s, c, SP, start, list, true, start + (Integer.bitCount(list) << 2));
            }
            case 0x6:
                if ((op & 0xFFEC) == 0xB660) { // CPSIE/CPSID
                    c.changeProcessorState((op & 0x10) != 0, (op & 2) != 0, (op & 1) != 0);
                    return CycleModel.SPECIAL;
                }
                throw Thumb32.undefined16(op, pc);
            case 0xA: {
                int value = r[op >>> 3 & 7];
                switch (op >>> 6 & 3) {
                    case 0: value = Integer.reverseBytes(value); break;
                    case 1: value = (value & 0xFF00_FF00) >>> 8 | (value & 0x00FF_00FF) << 8; break;
                    case 3: value = (short) ((value & 0xFF) << 8 | value >>> 8 & 0xFF); break;
                    default: throw Thumb32.undefined16(op, pc);
                }
                r[op & 7] = value;
                return CycleModel.ALU;
            }
            case 0xE: // BKPT #imm8: the context decides whether execution continues past it
                r[PC] = pc;
                if (c.breakpoint(op & 0xFF)) {
                    r[PC] = pc + 2;
                }
                return CycleModel.HINT;
            case 0xF:
                if ((op & 0xF) != 0) { // IT
                    s.itState = op & 0xFF;
                    return CycleModel.IT;
                }
                hint(c, op >>> 4 & 0xF);
                return CycleModel.HINT;
            default:
                throw Thumb32.undefined16(op, pc);
        }
    }

    /** NOP, YIELD, WFE, WFI, SEV; the reserved hints execute as NOP (A5.2.5 Table A5-7). */
    static void hint(ExecutionContext c, int hint) {
        switch (hint) {
            case 2: c.waitForEvent(); break;
            case 3: c.waitForInterrupt(); break;
            case 4: c.sendEvent(); break;
            default: break;
        }
    }

    /** Bcc T1, UDF, SVC. */
    private static int conditionalBranchOrSupervisorCall(CoreState s, ExecutionContext c, int op, int pc) {
        int cond = op >>> 8 & 0xF;
        if (cond < 14) {
            if (Alu.conditionPassed(cond, s.apsr)) {
                s.r[PC] = pc + 4 + ((byte) op << 1);
                return CycleModel.BRANCH_TAKEN;
            }
            c.branchNotTaken(pc + 4 + ((byte) op << 1));
            return CycleModel.BRANCH_NOT_TAKEN;
        }
        if (cond == 15) { // SVC: the PC already holds the return address
            c.supervisorCall(op & 0xFF);
            return CycleModel.HINT;
        }
        throw Thumb32.undefined16(op, pc);
    }
}
