package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.C;
import static io.blueflash.sim.cpu.CoreState.N;
import static io.blueflash.sim.cpu.CoreState.Q;
import static io.blueflash.sim.cpu.CoreState.V;
import static io.blueflash.sim.cpu.CoreState.Z;

/**
 * The ARMv7-M ARM's arithmetic pseudocode functions (A2.2, A5.3.2, A7.3, A7.4.2) as allocation-free
 * static methods over the APSR word: AddWithCarry flags, Shift_C, ThumbExpandImm_C, ConditionPassed,
 * saturation. Results that have a value and a carry come back packed in a long (value in the low
 * word, carry in bit 32) so no object is made per instruction.
 */
final class Alu {

    /** Shift types of DecodeImmShift / the register shifts (A7.4.2). */
    static final int LSL = 0, LSR = 1, ASR = 2, ROR = 3, RRX = 4;

    /** Bit (NZCV as a 4-bit number) of COND_PASSES[cond] says whether cond holds (A7.3 Table A7-1). */
    private static final int[] COND_PASSES = new int[16];

    static {
        for (int cond = 0; cond < 16; cond++) {
            int mask = 0;
            for (int nzcv = 0; nzcv < 16; nzcv++) {
                boolean n = (nzcv & 8) != 0, z = (nzcv & 4) != 0, c = (nzcv & 2) != 0, v = (nzcv & 1) != 0;
                boolean result;
                switch (cond >>> 1) {
                    case 0: result = z; break;
                    case 1: result = c; break;
                    case 2: result = n; break;
                    case 3: result = v; break;
                    case 4: result = c && !z; break;
                    case 5: result = n == v; break;
                    case 6: result = !z && n == v; break;
                    default: result = true; break;
                }
                // odd conditions invert, except 1111 which the M profile treats as "always" (A7.3)
                if ((cond & 1) != 0 && cond != 15) {
                    result = !result;
                }
                if (result) {
                    mask |= 1 << nzcv;
                }
            }
            COND_PASSES[cond] = mask;
        }
    }

    /** ThumbExpandImm(imm12) for every imm12, so the common no-flags forms need one load. */
    private static final int[] EXPANDED = new int[4096];

    static {
        for (int imm12 = 0; imm12 < EXPANDED.length; imm12++) {
            EXPANDED[imm12] = (int) thumbExpandImmC(imm12, 0);
        }
    }

    private Alu() {
    }

    /** ThumbExpandImm(imm12) (A5.3.2), without the carry. */
    static int thumbExpandImm(int imm12) {
        return EXPANDED[imm12];
    }

    static boolean conditionPassed(int cond, int apsr) {
        return (COND_PASSES[cond] >>> (apsr >>> 28) & 1) != 0;
    }

    /** APSR after a result that sets N and Z only (C, V, Q kept). */
    static int nz(int apsr, int result) {
        return apsr & (C | V | Q) | result & N | (result == 0 ? Z : 0);
    }

    /** APSR after a logical operation: N, Z from the result, C = carry (0/1), V and Q kept. */
    static int nzc(int apsr, int result, int carry) {
        return apsr & (V | Q) | result & N | (result == 0 ? Z : 0) | carry << 29;
    }

    /** APSR after AddWithCarry(x, y, carryIn) that produced {@code result} (A2.2.1). */
    static int addFlags(int apsr, int x, int y, int carryIn, int result) {
        long unsigned = (x & 0xFFFF_FFFFL) + (y & 0xFFFF_FFFFL) + carryIn;
        int carry = (int) (unsigned >>> 32);
        int overflow = ((x ^ result) & (y ^ result)) >>> 31;
        return apsr & Q | result & N | (result == 0 ? Z : 0) | carry << 29 | overflow << 28;
    }

    /** APSR after x - y (AddWithCarry(x, NOT y, 1)). */
    static int subFlags(int apsr, int x, int y, int result) {
        return addFlags(apsr, x, ~y, 1, result);
    }

    static int carry(int apsr) {
        return apsr >>> 29 & 1;
    }

    /** Shift_C(value, type, amount, carryIn) packed: value low word, carry in bit 32 (A7.4.2). */
    static long shiftC(int value, int type, int amount, int carryIn) {
        if (type == RRX) {
            return pack(carryIn << 31 | value >>> 1, value & 1);
        }
        if (amount == 0) {
            return pack(value, carryIn);
        }
        switch (type) {
            case LSL:
                if (amount < 32) {
                    return pack(value << amount, value >>> (32 - amount) & 1);
                }
                return pack(0, amount == 32 ? value & 1 : 0);
            case LSR:
                if (amount < 32) {
                    return pack(value >>> amount, value >>> (amount - 1) & 1);
                }
                return pack(0, amount == 32 ? value >>> 31 : 0);
            case ASR:
                if (amount < 32) {
                    return pack(value >> amount, value >>> (amount - 1) & 1);
                }
                return pack(value >> 31, value >>> 31);
            default: // ROR
                int rotated = Integer.rotateRight(value, amount & 31);
                return pack(rotated, rotated >>> 31);
        }
    }

    /** DecodeImmShift(type, imm5) then Shift_C: the shifted-register operand of A5.3.11 forms. */
    static long immShiftC(int value, int type, int imm5, int carryIn) {
        if (imm5 == 0) {
            switch (type) {
                case LSL: return pack(value, carryIn);
                case LSR: return shiftC(value, LSR, 32, carryIn);
                case ASR: return shiftC(value, ASR, 32, carryIn);
                default: return shiftC(value, RRX, 1, carryIn);
            }
        }
        return shiftC(value, type, imm5, carryIn);
    }

    /** ThumbExpandImm_C(imm12, carryIn) packed like {@link #shiftC} (A5.3.2). */
    static long thumbExpandImmC(int imm12, int carryIn) {
        if ((imm12 & 0xC00) == 0) {
            int imm8 = imm12 & 0xFF;
            switch (imm12 >>> 8 & 3) {
                case 0: return pack(imm8, carryIn);
                case 1: return pack(imm8 << 16 | imm8, carryIn);
                case 2: return pack(imm8 << 24 | imm8 << 8, carryIn);
                default: return pack(imm8 * 0x0101_0101, carryIn);
            }
        }
        int value = Integer.rotateRight(0x80 | imm12 & 0x7F, imm12 >>> 7 & 31);
        return pack(value, value >>> 31);
    }

    static long pack(int value, int carry) {
        return value & 0xFFFF_FFFFL | (long) carry << 32;
    }

    static int carryOf(long packed) {
        return (int) (packed >>> 32);
    }

    /**
     * SignedSatQ(value, bits) packed: the clamped value, bit 32 set when it saturated (A2.2.3).
     * {@code bits} is 1..32.
     */
    static long signedSat(long value, int bits) {
        long max = (1L << (bits - 1)) - 1;
        long min = -(1L << (bits - 1));
        if (value > max) {
            return pack((int) max, 1);
        }
        if (value < min) {
            return pack((int) min, 1);
        }
        return pack((int) value, 0);
    }

    /** UnsignedSatQ(value, bits) packed likewise; {@code bits} is 0..31. */
    static long unsignedSat(long value, int bits) {
        long max = (1L << bits) - 1;
        if (value > max) {
            return pack((int) max, 1);
        }
        if (value < 0) {
            return pack(0, 1);
        }
        return pack((int) value, 0);
    }
}
