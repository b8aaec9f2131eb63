package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.LR;
import static io.blueflash.sim.cpu.CoreState.PC;
import static io.blueflash.sim.cpu.CoreState.SP;
import static io.blueflash.sim.cpu.CpuFault.Kind.NOCP;
import static io.blueflash.sim.cpu.CpuFault.Kind.UNDEFINSTR;

/**
 * The 32-bit Thumb-2 encodings (ARMv7-M ARM A5.3): the dispatch on hw1, branches and
 * miscellaneous control, and the loads and stores; data processing is in
 * {@link Thumb32DataProcessing}. The coprocessor space faults NOCP; DSP, ARM-only and later
 * architecture encodings fault UNDEFINSTR, as on the Cortex-M3.
 */
final class Thumb32 {

    private final LoadStore memory;

    Thumb32(LoadStore memory) {
        this.memory = memory;
    }

    /** Executes hw1:hw2 found at {@code pc}; {@code r[15]} already holds pc + 4. */
    int execute(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        switch (hw1 >>> 9) {
            case 0x74: // E800–E9FF
                return (hw1 & 0x40) == 0 ? loadStoreMultiple(s, c, hw1, hw2, pc)
                        : dualExclusiveOrTableBranch(s, c, hw1, hw2, pc);
            case 0x75: // EA00–EBFF
                return Thumb32DataProcessing.shiftedRegister(s, hw1, hw2, pc);
            case 0x78: case 0x79: case 0x7A: case 0x7B: // F000–F7FF
                if ((hw2 & 0x8000) != 0) {
                    return branchOrMiscellaneous(s, c, hw1, hw2, pc);
                }
                return (hw1 & 0x200) == 0 ? Thumb32DataProcessing.modifiedImmediate(s, hw1, hw2, pc)
                        : Thumb32DataProcessing.plainImmediate(s, hw1, hw2, pc);
            case 0x7C: // F800–F9FF
                return loadStoreSingle(s, c, hw1, hw2, pc);
            case 0x7D: // FA00–FBFF
                if ((hw1 & 0x100) == 0) {
                    return Thumb32DataProcessing.register(s, hw1, hw2, pc);
                }
                return (hw1 & 0x80) == 0 ? Thumb32DataProcessing.multiply(s, hw1, hw2, pc)
                        : Thumb32DataProcessing.longMultiplyOrDivide(s, c, hw1, hw2, pc);
            default: // EC00–EFFF, FC00–FFFF: coprocessor and floating point
                throw new CpuFault(NOCP, String.format(
                        "UsageFault NOCP: coprocessor instruction %04X %04X at 0x%08X; the Cortex-M3 has no"
                                + " coprocessor or FPU (ARMv7-M ARM A5.3.18)", hw1, hw2, pc));
        }
    }

    /** A5.3.4: B, Bcc, BL, MSR, MRS, hints, barriers, CLREX, UDF. */
    private static int branchOrMiscellaneous(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        int op1 = hw2 >>> 12 & 5;
        int[] r = s.r;
        if (op1 == 5) { // BL
            r[LR] = pc + 4 | 1;
            r[PC] = pc + 4 + branchOffset24(hw1, hw2);
            return CycleModel.PC_WRITE;
        }
        if (op1 == 1) { // B T4
            r[PC] = pc + 4 + branchOffset24(hw1, hw2);
            return CycleModel.PC_WRITE;
        }
        if (op1 == 4) {
            throw undefined(hw1, hw2, pc, "BLX (immediate) would switch to ARM state, which ARMv7-M does not have");
        }
        if ((hw1 & 0x380) != 0x380) { // Bcc T3
            int offset = (hw2 & 0x7FF) << 1 | (hw1 & 0x3F) << 12 | (hw2 & 0x2000) << 5 | (hw2 & 0x800) << 8
                    | -(hw1 >>> 10 & 1) << 20;
            if (!Alu.conditionPassed(hw1 >>> 6 & 0xF, s.apsr)) {
                c.branchNotTaken(pc + 4 + offset);
                return CycleModel.BRANCH_NOT_TAKEN;
            }
            r[PC] = pc + 4 + offset;
            return CycleModel.BRANCH_TAKEN;
        }
        switch (hw1 >>> 4 & 0x7F) {
            case 0x38: case 0x39: // MSR
                if ((hw2 & 0x2000) == 0) {
                    c.writeSpecial(hw2 & 0xFF, hw2 >>> 10 & 3, r[hw1 & 0xF]);
                    return CycleModel.SPECIAL;
                }
                break;
            case 0x3A: // hints (CPS.W is not in ARMv7-M)
                if ((hw2 & 0x2700) == 0) {
                    int hint = hw2 & 0xFF;
                    ThumbInterpreter.hint(c, hint < 5 ? hint : 0);
                    return CycleModel.HINT;
                }
                break;
            case 0x3B: // CLREX, DSB, DMB, ISB
                if ((hw2 & 0x2000) == 0) {
                    switch (hw2 >>> 4 & 0xF) {
                        case 2: c.clearExclusive(); return CycleModel.ALU;
                        case 4: case 5: return CycleModel.BARRIER;
                        case 6: return CycleModel.ISB;
                        default: break;
                    }
                }
                break;
            case 0x3E: case 0x3F: // MRS
                if ((hw2 & 0x2000) == 0) {
                    int d = hw2 >>> 8 & 0xF;
                    int value = c.readSpecial(hw2 & 0xFF);
                    r[d] = d == SP ? value & ~3 : value;
                    return CycleModel.SPECIAL;
                }
                break;
            default:
                break;
        }
        throw undefined(hw1, hw2, pc, "not an ARMv7-M instruction");
    }

    /** SignExtend(S:I1:I2:imm10:imm11:'0') of B T4 and BL, I = NOT(J XOR S) (A7.7.12, A7.7.18). */
    static int branchOffset24(int hw1, int hw2) {
        int sign = hw1 >>> 10 & 1;
        int i1 = ~(hw2 >>> 13 ^ sign) & 1;
        int i2 = ~(hw2 >>> 11 ^ sign) & 1;
        return (hw2 & 0x7FF) << 1 | (hw1 & 0x3FF) << 12 | i2 << 22 | i1 << 23 | -sign << 24;
    }

    /** A5.3.5: STM/LDM IA and DB (PUSH.W, POP.W); SRS/RFE are not in ARMv7-M. */
    private int loadStoreMultiple(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        int mode = hw1 >>> 7 & 3;
        if (mode == 0 || mode == 3) {
            throw undefined(hw1, hw2, pc, "SRS/RFE are not ARMv7-M instructions");
        }
        int n = hw1 & 0xF;
        int list = hw2 & 0xFFFF;
        int bytes = Integer.bitCount(list) << 2;
        int base = s.r[n];
        int start = mode == 1 ? base : base - bytes;
        int newBase = mode == 1 ? base + bytes : start;
        boolean wback = (hw1 & 0x20) != 0;
        if ((hw1 & 0x10) != 0) {
            return memory.loadMultiple(s, c, n, start, list, wback, newBase);
        }
        return memory.storeMultiple(s, c, n, start, list, wback, newBase);
    }

    /** A5.3.6: LDREX*, STREX*, TBB/TBH, LDRD/STRD. */
    private int dualExclusiveOrTableBranch(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        int[] r = s.r;
        int op1 = hw1 >>> 7 & 3;
        int op2 = hw1 >>> 4 & 3;
        int n = hw1 & 0xF;
        int t = hw2 >>> 12;
        if (op1 == 0 && op2 == 0) { // STREX Rd, Rt, [Rn, #imm8*4]
            if (t >= SP || (hw2 >>> 8 & 0xF) >= SP) { // UNPREDICTABLE; ARMv8-M's TT lives here
                throw undefined(hw1, hw2, pc, "STREX with SP or PC (TT is ARMv8-M)");
            }
            int address = r[n] + ((hw2 & 0xFF) << 2);
            LoadStore.requireWordAligned(address, "STREX");
            return storeExclusive(s, c, hw2 >>> 8 & 0xF, t, address, 4);
        }
        if (op1 == 0 && op2 == 1) { // LDREX Rt, [Rn, #imm8*4]
            int address = r[n] + ((hw2 & 0xFF) << 2);
            LoadStore.requireWordAligned(address, "LDREX");
            return loadExclusive(s, c, t, n, address, 4);
        }
        if (op1 == 1 && op2 == 0) { // STREXB / STREXH
            int op3 = hw2 >>> 4 & 0xF;
            if (op3 == 4 || op3 == 5) {
                int size = op3 == 4 ? 1 : 2;
                int address = r[n];
                LoadStore.requireAligned(address, size, "STREXH");
                return storeExclusive(s, c, hw2 & 0xF, t, address, size);
            }
            throw undefined(hw1, hw2, pc, "STREXD is not an ARMv7-M instruction");
        }
        if (op1 == 1 && op2 == 1) { // TBB, TBH, LDREXB, LDREXH
            switch (hw2 >>> 4 & 0xF) {
                case 0: case 1: {
                    int base = n == PC ? pc + 4 : r[n];
                    int m = hw2 & 0xF;
                    int entry = (hw2 & 0x10) == 0 ? c.read(base + r[m], 1) : memory.read(c, base + (r[m] << 1), 2);
                    r[PC] = pc + 4 + (entry << 1);
                    return CycleModel.TABLE_BRANCH;
                }
                case 4: case 5: {
                    int size = (hw2 & 0x10) == 0 ? 1 : 2;
                    int address = r[n];
                    LoadStore.requireAligned(address, size, "LDREXH");
                    return loadExclusive(s, c, t, n, address, size);
                }
                default:
                    throw undefined(hw1, hw2, pc, "LDREXD is not an ARMv7-M instruction");
            }
        }
        return dual(s, c, hw1, hw2, pc);
    }

    private int loadExclusive(CoreState s, ExecutionContext c, int t, int n, int address, int size) {
        int value = c.read(address, size);
        c.setExclusive(address, size);
        s.r[t] = value;
        return memory.loadCycles(t, address, size, n, n);
    }

    private static int storeExclusive(CoreState s, ExecutionContext c, int d, int t, int address, int size) {
        if (c.checkAndClearExclusive(address, size)) {
            c.write(address, size, s.r[t]);
            s.r[d] = 0;
        } else {
            s.r[d] = 1;
        }
        return CycleModel.EXCLUSIVE;
    }

    /** LDRD/STRD Rt, Rt2, [Rn, #±imm8*4] with P/U/W; LDRD literal when Rn = PC. Word-aligned only. */
    private static int dual(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        int[] r = s.r;
        int n = hw1 & 0xF;
        int t = hw2 >>> 12;
        int t2 = hw2 >>> 8 & 0xF;
        int imm = (hw2 & 0xFF) << 2;
        int base = n == PC ? pc + 4 & ~3 : r[n];
        int offsetAddress = (hw1 & 0x80) != 0 ? base + imm : base - imm;
        int address = (hw1 & 0x100) != 0 ? offsetAddress : base;
        boolean wback = (hw1 & 0x20) != 0;
        if (n == PC && (wback || (hw1 & 0x10) == 0)) { // UNPREDICTABLE; ARMv8-M's SG lives here
            throw undefined(hw1, hw2, pc, "LDRD/STRD literal with write-back (SG is ARMv8-M)");
        }
        LoadStore.requireWordAligned(address, (hw1 & 0x10) != 0 ? "LDRD" : "STRD");
        if ((hw1 & 0x10) != 0) {
            int first = c.read(address, 4);
            int second = c.read(address + 4, 4);
            if (wback) {
                r[n] = offsetAddress;
            }
            r[t] = first;
            r[t2] = second;
        } else {
            c.write(address, 4, r[t]);
            c.write(address + 4, 4, r[t2]);
            if (wback) {
                r[n] = offsetAddress;
            }
        }
        return CycleModel.DUAL;
    }

    /**
     * A5.3.7–A5.3.10: LDR/LDRB/LDRH/LDRSB/LDRSH and STR/STRB/STRH with literal, imm12, imm8 (P/U/W,
     * the unprivileged T forms) and shifted-register addressing; PLD/PLI and the other Rt = PC
     * byte/half-word loads are hints that do nothing here; LDR PC interworks (LoadWritePC).
     */
    private int loadStoreSingle(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        int sizeCode = hw1 >>> 5 & 3;
        boolean load = (hw1 & 0x10) != 0;
        boolean signed = (hw1 & 0x100) != 0;
        if (sizeCode == 3 || signed && (!load || sizeCode == 2)) {
            throw undefined(hw1, hw2, pc, "unallocated load/store encoding");
        }
        int size = 1 << sizeCode;
        int[] r = s.r;
        int n = hw1 & 0xF;
        int t = hw2 >>> 12;
        int index = n;
        int address;
        int offsetAddress;
        boolean wback = false;
        boolean unprivileged = false;
        boolean registerOffset = false;
        if (n == PC) {
            if (!load) {
                throw undefined(hw1, hw2, pc, "store with Rn = PC");
            }
            int base = pc + 4 & ~3;
            int imm = hw2 & 0xFFF;
            address = (hw1 & 0x80) != 0 ? base + imm : base - imm;
            offsetAddress = address;
        } else if ((hw1 & 0x80) != 0) {
            address = r[n] + (hw2 & 0xFFF);
            offsetAddress = address;
        } else if ((hw2 & 0x800) != 0) {
            int puw = hw2 >>> 8 & 7;
            if ((puw & 5) == 0) {
                throw undefined(hw1, hw2, pc, "load/store with P = 0 and W = 0");
            }
            int base = r[n];
            int imm = hw2 & 0xFF;
            offsetAddress = (puw & 2) != 0 ? base + imm : base - imm;
            address = (puw & 4) != 0 ? offsetAddress : base;
            wback = (puw & 1) != 0;
            unprivileged = puw == 6;
        } else if ((hw2 & 0x7C0) == 0) {
            index = hw2 & 0xF;
            address = r[n] + (r[index] << (hw2 >>> 4 & 3));
            offsetAddress = address;
            registerOffset = true;
        } else {
            throw undefined(hw1, hw2, pc, "unallocated load/store encoding");
        }
        if (load) {
            if (t == PC) {
                if (size != 4) {
                    return CycleModel.HINT; // PLD, PLI, unallocated memory hints
                }
                int value = memory.read(c, address, 4);
                if (wback) {
                    r[n] = offsetAddress;
                }
                PcWrites.bxWritePc(s, c, value);
                return CycleModel.LOAD_PC;
            }
            int value = unprivileged ? memory.readUnprivileged(c, address, size) : memory.read(c, address, size);
            if (signed) {
                value = size == 1 ? (byte) value : (short) value;
            }
            if (wback) {
                r[n] = offsetAddress;
            }
            r[t] = t == SP ? value & ~3 : value;
            return memory.loadCycles(t, address, size, n, index);
        }
        if (unprivileged) {
            memory.writeUnprivileged(c, address, size, r[t]);
        } else {
            memory.write(c, address, size, r[t]);
        }
        if (wback) {
            r[n] = offsetAddress;
        }
        return memory.storeCycles(registerOffset ? CycleModel.STORE_REGISTER : CycleModel.STORE_IMMEDIATE,
                address, size, n, index);
    }

    static CpuFault undefined(int hw1, int hw2, int pc, String why) {
        return new CpuFault(UNDEFINSTR, String.format(
                "UsageFault UNDEFINSTR: %04X %04X at 0x%08X: %s (ARMv7-M ARM A5.3)", hw1, hw2, pc, why));
    }

    static CpuFault undefined16(int op, int pc) {
        return new CpuFault(UNDEFINSTR, String.format(
                "UsageFault UNDEFINSTR: %04X at 0x%08X is not a Cortex-M3 instruction (ARMv7-M ARM A5.2)", op, pc));
    }
}
