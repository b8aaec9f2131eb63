package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.PC;
import static io.blueflash.sim.cpu.CoreState.Q;
import static io.blueflash.sim.cpu.CoreState.SP;
import static io.blueflash.sim.cpu.CpuFault.Kind.DIVBYZERO;

/**
 * The 32-bit data-processing encodings of ARMv7-M (A5.3.1, A5.3.3, A5.3.11, A5.3.12, A5.3.16,
 * A5.3.17): modified and plain immediates, shifted registers, register shifts, extends, REV/RBIT/
 * CLZ, bitfields, saturation, multiplies and divides. The DSP-extension rows of those tables are
 * UNDEFINED on the Cortex-M3.
 */
final class Thumb32DataProcessing {

    private static final long WORD = 0xFFFF_FFFFL;

    private Thumb32DataProcessing() {
    }

    /** A5.3.1: AND BIC ORR ORN EOR ADD ADC SBC SUB RSB (and TST TEQ CMN CMP MOV MVN) #const. */
    static int modifiedImmediate(CoreState s, int hw1, int hw2, int pc) {
        int imm12 = (hw1 & 0x400) << 1 | hw2 >>> 4 & 0x700 | hw2 & 0xFF;
        if ((hw1 & 0x10) == 0) {
            return operateWithoutFlags(s, hw1, hw2, pc, Alu.thumbExpandImm(imm12));
        }
        long expanded = Alu.thumbExpandImmC(imm12, Alu.carry(s.apsr));
        return operate(s, hw1, hw2, pc, (int) expanded, Alu.carryOf(expanded));
    }

    /**
     * The value of a decode-cached A5.3.1 operation without S ({@link Predecoded#ALU_IMMEDIATE}):
     * AND, BIC, ORR (MOV when Rn is the PC), ORN (MVN), EOR, ADD, SUB, RSB of {@code x} = R[n] and
     * the expanded immediate. The decoder admits only these operations.
     */
    static int immediateWithoutFlags(int op, int n, int x, int operand) {
        switch (op) {
            case 0x0: return x & operand;
            case 0x1: return x & ~operand;
            case 0x2: return n == PC ? operand : x | operand;
            case 0x3: return n == PC ? ~operand : x | ~operand;
            case 0x4: return x ^ operand;
            case 0x8: return x + operand;
            case 0xD: return x - operand;
            default: return operand - x; // 0xE RSB
        }
    }

    /** A5.3.11: the same operations on a register shifted by an immediate; PKH is DSP. */
    static int shiftedRegister(CoreState s, int hw1, int hw2, int pc) {
        int imm5 = hw2 >>> 10 & 0x1C | hw2 >>> 6 & 3;
        long shifted = Alu.immShiftC(s.r[hw2 & 0xF], hw2 >>> 4 & 3, imm5, Alu.carry(s.apsr));
        if ((hw1 & 0x10) == 0) {
            return operateWithoutFlags(s, hw1, hw2, pc, (int) shifted);
        }
        return operate(s, hw1, hw2, pc, (int) shifted, Alu.carryOf(shifted));
    }

    /** {@link #operate} with S = 0, the common case, kept small so the JIT inlines it. */
    private static int operateWithoutFlags(CoreState s, int hw1, int hw2, int pc, int operand) {
        int[] r = s.r;
        int n = hw1 & 0xF;
        int x = r[n];
        int result;
        switch (hw1 >>> 5 & 0xF) {
            case 0x0: result = x & operand; break;
            case 0x1: result = x & ~operand; break;
            case 0x2: result = n == PC ? operand : x | operand; break;
            case 0x3: result = n == PC ? ~operand : x | ~operand; break;
            case 0x4: result = x ^ operand; break;
            case 0x8: result = x + operand; break;
            case 0xA: result = x + operand + Alu.carry(s.apsr); break;
            case 0xB: result = x + ~operand + Alu.carry(s.apsr); break;
            case 0xD: result = x - operand; break;
            case 0xE: result = operand - x; break;
            default: return operate(s, hw1, hw2, pc, operand, 0); // faults UNDEFINSTR
        }
        int d = hw2 >>> 8 & 0xF;
        if (d < SP) {
            r[d] = result;
        } else {
            writeRegister(s, d, result, hw1, hw2, pc);
        }
        return CycleModel.ALU;
    }

    /**
     * The common operation table of A5.3.1 and A5.3.11: op = hw1[8:5], S = hw1[4], Rn = hw1[3:0],
     * Rd = hw2[11:8]; Rd = PC with S makes AND/EOR/ADD/SUB the compares TST/TEQ/CMN/CMP, Rn = PC
     * makes ORR/ORN the moves MOV/MVN.
     */
    private static int operate(CoreState s, int hw1, int hw2, int pc, int operand, int shifterCarry) {
        int[] r = s.r;
        int op = hw1 >>> 5 & 0xF;
        boolean setFlags = (hw1 & 0x10) != 0;
        int n = hw1 & 0xF;
        int d = hw2 >>> 8 & 0xF;
        int apsr = s.apsr;
        int x = r[n];
        int result;
        int flags;
        switch (op) {
            case 0x0: result = x & operand; flags = Alu.nzc(apsr, result, shifterCarry); break;
            case 0x1: result = x & ~operand; flags = Alu.nzc(apsr, result, shifterCarry); break;
            case 0x2: result = n == PC ? operand : x | operand; flags = Alu.nzc(apsr, result, shifterCarry); break;
            case 0x3: result = n == PC ? ~operand : x | ~operand; flags = Alu.nzc(apsr, result, shifterCarry); break;
            case 0x4: result = x ^ operand; flags = Alu.nzc(apsr, result, shifterCarry); break;
            case 0x8: result = x + operand; flags = Alu.addFlags(apsr, x, operand, 0, result); break;
            case 0xA: {
                int carry = Alu.carry(apsr);
                result = x + operand + carry;
                flags = Alu.addFlags(apsr, x, operand, carry, result);
                break;
            }
            case 0xB: {
                int carry = Alu.carry(apsr);
                result = x + ~operand + carry;
                flags = Alu.addFlags(apsr, x, ~operand, carry, result);
                break;
            }
            case 0xD: result = x - operand; flags = Alu.subFlags(apsr, x, operand, result); break;
            case 0xE: result = operand - x; flags = Alu.subFlags(apsr, operand, x, result); break;
            default:
                throw Thumb32.undefined(hw1, hw2, pc, op == 6 ? "PKH is a DSP-extension instruction"
                        : "unallocated data-processing operation");
        }
        if (d == PC && setFlags && (op == 0x0 || op == 0x4 || op == 0x8 || op == 0xD)) {
            s.apsr = flags; // TST, TEQ, CMN, CMP
            return CycleModel.ALU;
        }
        writeRegister(s, d, result, hw1, hw2, pc);
        if (setFlags) {
            s.apsr = flags;
        }
        return CycleModel.ALU;
    }

    /** A5.3.3: ADDW/SUBW (ADR), MOVW/MOVT here; saturation and bitfields in {@link #bitfieldOrSaturate}. */
    static int plainImmediate(CoreState s, int hw1, int hw2, int pc) {
        int[] r = s.r;
        int n = hw1 & 0xF;
        int d = hw2 >>> 8 & 0xF;
        int imm12 = (hw1 & 0x400) << 1 | hw2 >>> 4 & 0x700 | hw2 & 0xFF;
        switch (hw1 >>> 4 & 0x1F) {
            case 0x00: // ADDW, ADR T3
                writeRegister(s, d, (n == PC ? pc + 4 & ~3 : r[n]) + imm12, hw1, hw2, pc);
                return CycleModel.ALU;
            case 0x0A: // SUBW, ADR T2
                writeRegister(s, d, (n == PC ? pc + 4 & ~3 : r[n]) - imm12, hw1, hw2, pc);
                return CycleModel.ALU;
            case 0x04: // MOVW
                writeRegister(s, d, (hw1 & 0xF) << 12 | imm12, hw1, hw2, pc);
                return CycleModel.ALU;
            case 0x0C: // MOVT
                writeRegister(s, d, ((hw1 & 0xF) << 12 | imm12) << 16 | r[d] & 0xFFFF, hw1, hw2, pc);
                return CycleModel.ALU;
            default:
                return bitfieldOrSaturate(s, hw1, hw2, pc);
        }
    }

    /** A5.3.3 continued: SSAT/USAT, SBFX/UBFX, BFI/BFC. */
    private static int bitfieldOrSaturate(CoreState s, int hw1, int hw2, int pc) {
        int[] r = s.r;
        int n = hw1 & 0xF;
        int d = hw2 >>> 8 & 0xF;
        int lsb = hw2 >>> 10 & 0x1C | hw2 >>> 6 & 3;
        switch (hw1 >>> 4 & 0x1F) {
            case 0x10: case 0x12: case 0x18: case 0x1A:
                return saturate(s, hw1, hw2, pc, lsb);
            case 0x14: case 0x1C: { // SBFX, UBFX
                int msb = lsb + (hw2 & 0x1F);
                if ((hw2 & 0x20) != 0 || msb > 31) {
                    throw Thumb32.undefined(hw1, hw2, pc, "bitfield beyond bit 31");
                }
                int value = r[n] << 31 - msb;
                int shift = 31 - (hw2 & 0x1F);
                writeRegister(s, d, (hw1 & 0x80) == 0 ? value >> shift : value >>> shift, hw1, hw2, pc);
                return CycleModel.ALU;
            }
            case 0x16: { // BFI, BFC (Rn = PC)
                int msb = hw2 & 0x1F;
                if ((hw2 & 0x20) != 0 || msb < lsb) {
                    throw Thumb32.undefined(hw1, hw2, pc, "bitfield with msb < lsb");
                }
                int mask = -1 >>> 31 - msb & -1 << lsb;
                int source = n == PC ? 0 : r[n];
                writeRegister(s, d, r[d] & ~mask | source << lsb & mask, hw1, hw2, pc);
                return CycleModel.ALU;
            }
            default:
                throw Thumb32.undefined(hw1, hw2, pc, "unallocated plain-immediate operation");
        }
    }

    /** SSAT/USAT Rd, #sat, Rn{, LSL/ASR #n}: clamp, Q sticky on saturation (A7.7.145, A7.7.202). */
    private static int saturate(CoreState s, int hw1, int hw2, int pc, int shift) {
        boolean arithmeticShift = (hw1 & 0x20) != 0;
        if ((hw2 & 0x20) != 0 || arithmeticShift && shift == 0) {
            throw Thumb32.undefined(hw1, hw2, pc, "SSAT16/USAT16 are DSP-extension instructions");
        }
        int value = s.r[hw1 & 0xF];
        value = arithmeticShift ? value >> shift : value << shift;
        int satImm = hw2 & 0x1F;
        long result = (hw1 & 0x80) == 0 ? Alu.signedSat(value, satImm + 1) : Alu.unsignedSat(value, satImm);
        writeRegister(s, hw2 >>> 8 & 0xF, (int) result, hw1, hw2, pc);
        if (Alu.carryOf(result) != 0) {
            s.apsr |= Q;
        }
        return CycleModel.ALU;
    }

    /** A5.3.12: LSL/LSR/ASR/ROR by register, SXTH/UXTH/SXTB/UXTB, REV/REV16/RBIT/REVSH, CLZ. */
    static int register(CoreState s, int hw1, int hw2, int pc) {
        if ((hw2 & 0xF000) != 0xF000) {
            throw Thumb32.undefined(hw1, hw2, pc, "unallocated register data-processing encoding");
        }
        int[] r = s.r;
        int op1 = hw1 >>> 4 & 0xF;
        int op2 = hw2 >>> 4 & 0xF;
        int n = hw1 & 0xF;
        int d = hw2 >>> 8 & 0xF;
        int m = hw2 & 0xF;
        if (op1 < 8) {
            if (op2 == 0) {
                long shifted = Alu.shiftC(r[n], op1 >>> 1, r[m] & 0xFF, Alu.carry(s.apsr));
                writeRegister(s, d, (int) shifted, hw1, hw2, pc);
                if ((op1 & 1) != 0) {
                    s.apsr = Alu.nzc(s.apsr, (int) shifted, Alu.carryOf(shifted));
                }
                return CycleModel.ALU;
            }
            if ((op2 & 0xC) == 8 && n == PC) {
                int value = Integer.rotateRight(r[m], (op2 & 3) << 3);
                switch (op1) {
                    case 0: writeRegister(s, d, (short) value, hw1, hw2, pc); return CycleModel.ALU;
                    case 1: writeRegister(s, d, value & 0xFFFF, hw1, hw2, pc); return CycleModel.ALU;
                    case 4: writeRegister(s, d, (byte) value, hw1, hw2, pc); return CycleModel.ALU;
                    case 5: writeRegister(s, d, value & 0xFF, hw1, hw2, pc); return CycleModel.ALU;
                    default: break;
                }
            }
            throw Thumb32.undefined(hw1, hw2, pc, "extend-and-add and 16-bit extends are DSP-extension instructions");
        }
        int value = r[m];
        if (op1 == 9 && (op2 & 0xC) == 8) {
            switch (op2 & 3) {
                case 0: value = Integer.reverseBytes(value); break;
                case 1: value = (value & 0xFF00_FF00) >>> 8 | (value & 0x00FF_00FF) << 8; break;
                case 2: value = Integer.reverse(value); break;
                default: value = (short) ((value & 0xFF) << 8 | value >>> 8 & 0xFF); break;
            }
            writeRegister(s, d, value, hw1, hw2, pc);
            return CycleModel.ALU;
        }
        if (op1 == 0xB && op2 == 8) {
            writeRegister(s, d, Integer.numberOfLeadingZeros(value), hw1, hw2, pc);
            return CycleModel.ALU;
        }
        throw Thumb32.undefined(hw1, hw2, pc, "parallel add/subtract, QADD/QSUB and SEL are DSP-extension instructions");
    }

    /** A5.3.16: MUL.W, MLA, MLS; the halfword and most-significant-word multiplies are DSP. */
    static int multiply(CoreState s, int hw1, int hw2, int pc) {
        if ((hw1 & 0x70) != 0 || (hw2 & 0xE0) != 0) {
            throw Thumb32.undefined(hw1, hw2, pc, "DSP-extension multiply");
        }
        int[] r = s.r;
        int a = hw2 >>> 12;
        int product = r[hw1 & 0xF] * r[hw2 & 0xF];
        int d = hw2 >>> 8 & 0xF;
        if ((hw2 & 0x10) != 0) {
            writeRegister(s, d, r[a] - product, hw1, hw2, pc);
            return CycleModel.MLA;
        }
        if (a == PC) {
            writeRegister(s, d, product, hw1, hw2, pc);
            return CycleModel.MUL;
        }
        writeRegister(s, d, r[a] + product, hw1, hw2, pc);
        return CycleModel.MLA;
    }

    /** A5.3.17: SMULL UMULL SMLAL UMLAL SDIV UDIV (flags never change). */
    static int longMultiplyOrDivide(CoreState s, ExecutionContext c, int hw1, int hw2, int pc) {
        int[] r = s.r;
        int x = r[hw1 & 0xF];
        int y = r[hw2 & 0xF];
        int lo = hw2 >>> 12;
        int hi = hw2 >>> 8 & 0xF;
        int op = (hw1 >>> 4 & 7) << 4 | hw2 >>> 4 & 0xF;
        switch (op) {
            case 0x00: // SMULL
                return writePair(r, lo, hi, (long) x * y, CycleModel.longMultiply(y, true, false));
            case 0x20: // UMULL
                return writePair(r, lo, hi, (x & WORD) * (y & WORD), CycleModel.longMultiply(y, false, false));
            case 0x40: // SMLAL
                return writePair(r, lo, hi, (long) x * y + pair(r, lo, hi), CycleModel.longMultiply(y, true, true));
            case 0x60: // UMLAL
                return writePair(r, lo, hi, (x & WORD) * (y & WORD) + pair(r, lo, hi),
                        CycleModel.longMultiply(y, false, true));
            case 0x1F: // SDIV
                if (y == 0) {
                    return divideByZero(s, c, hi, hw1, hw2, pc);
                }
                writeRegister(s, hi, x / y, hw1, hw2, pc); // 0x80000000 / -1 = 0x80000000 in Java too
                return CycleModel.divide(Math.abs((long) x), Math.abs((long) y));
            case 0x3F: // UDIV
                if (y == 0) {
                    return divideByZero(s, c, hi, hw1, hw2, pc);
                }
                writeRegister(s, hi, Integer.divideUnsigned(x, y), hw1, hw2, pc);
                return CycleModel.divide(x & WORD, y & WORD);
            default:
                throw Thumb32.undefined(hw1, hw2, pc, "DSP-extension long multiply (SMLALxy, SMLALD, SMLSLD, UMAAL)");
        }
    }

    private static int divideByZero(CoreState s, ExecutionContext c, int d, int hw1, int hw2, int pc) {
        if (c.divideByZeroTrap()) {
            throw new CpuFault(DIVBYZERO, String.format(
                    "UsageFault DIVBYZERO: divide by zero at 0x%08X with CCR.DIV_0_TRP set (ARMv7-M ARM B3.2.8)", pc));
        }
        writeRegister(s, d, 0, hw1, hw2, pc);
        return CycleModel.divide(0, 0);
    }

    private static long pair(int[] r, int lo, int hi) {
        return (long) r[hi] << 32 | r[lo] & WORD;
    }

    private static int writePair(int[] r, int lo, int hi, long value, int cycles) {
        r[lo] = (int) value;
        r[hi] = (int) (value >>> 32);
        return cycles;
    }

    /** R0–R12 directly, SP without bits [1:0]; the PC is UNPREDICTABLE for these encodings. */
    private static void writeRegister(CoreState s, int d, int value, int hw1, int hw2, int pc) {
        if (d < SP) {
            s.r[d] = value;
        } else if (d == SP) {
            s.r[SP] = value & ~3;
        } else if (d == PC) {
            throw Thumb32.undefined(hw1, hw2, pc, "UNPREDICTABLE write of the PC by a data-processing instruction");
        } else {
            s.r[d] = value;
        }
    }
}
