package io.blueflash.sim.cpu;

/**
 * An instruction decoded once for the decode cache ({@link DecodeCache}): what kind of operation
 * it is and its operands, packed in a long so the cache is a plain {@code long[]} (0 = not decoded).
 * The common data-processing, branch and single load/store forms of ARMv7-M (A5.2, A5.3.1, A5.3.4)
 * get a kind of their own with the fields extracted; every other encoding is {@link #GENERIC16} or
 * {@link #GENERIC32}, which hand the raw half-words to the full decoder. Decoding is pure (no
 * memory, no state): only valid outside IT blocks, where 16-bit "S" forms set the flags.
 *
 * <p>Layout: bits 0–31 value (the raw instruction for generic kinds, else an immediate or a
 * branch offset), 32–39 kind, 40–43 d, 44–47 n, 48–51 m (or an operation), bit 52 set for a
 * 32-bit instruction.
 */
final class Predecoded {

    static final int GENERIC16 = 1, GENERIC32 = 2;
    static final int SHIFT_IMMEDIATE = 3, ADDS_REGISTER = 4, SUBS_REGISTER = 5, ADDS_IMMEDIATE = 6,
            SUBS_IMMEDIATE = 7, MOVS_IMMEDIATE = 8, CMP_IMMEDIATE = 9, DATA_PROCESSING = 10, MOV_REGISTER = 11,
            LOAD_STORE_IMMEDIATE = 12, LOAD_STORE_REGISTER = 13, BRANCH_CONDITIONAL = 14, BRANCH = 15,
            MISCELLANEOUS = 16, LOAD_LITERAL = 17, ADD_REGISTER = 18, ANDS = 19, EORS = 20, ORRS = 21, BICS = 22,
            TST = 23, CMP_REGISTER = 24;
    static final int ALU_IMMEDIATE = 32, BRANCH_LINK = 33, BRANCH_WIDE = 34, MOVW = 35;

    static final long WIDE = 1L << 52;

    private Predecoded() {
    }

    static int kind(long entry) {
        return (int) (entry >>> 32) & 0xFF;
    }

    static int d(long entry) {
        return (int) (entry >>> 40) & 0xF;
    }

    static int n(long entry) {
        return (int) (entry >>> 44) & 0xF;
    }

    static int m(long entry) {
        return (int) (entry >>> 48) & 0xF;
    }

    static boolean wide(long entry) {
        return (entry & WIDE) != 0;
    }

    /** 2 or 4 bytes. */
    static int length(long entry) {
        return ((int) (entry >>> 51) & 2) + 2;
    }

    private static long pack(int kind, int d, int n, int m, int value) {
        return value & 0xFFFF_FFFFL | (long) kind << 32 | (long) d << 40 | (long) n << 44 | (long) m << 48;
    }

    /** Decodes the instruction whose first half-word is {@code hw1} ({@code hw2} follows it in memory). */
    static long decode(int hw1, int hw2) {
        return hw1 < 0xE800 ? decode16(hw1) : decode32(hw1, hw2) | WIDE;
    }

    private static long decode16(int op) {
        int rd = op & 7, rn = op >>> 3 & 7, rm = op >>> 6 & 7, r8 = op >>> 8 & 7;
        switch (op >>> 10) {
            case 0: case 1: case 2: case 3: case 4: case 5:
                return pack(SHIFT_IMMEDIATE, 0, 0, 0, op);
            case 6: case 7:
                switch (op >>> 9 & 3) {
                    case 0: return pack(ADDS_REGISTER, rd, rn, rm, 0);
                    case 1: return pack(SUBS_REGISTER, rd, rn, rm, 0);
                    case 2: return pack(ADDS_IMMEDIATE, rd, rn, 0, rm);
                    default: return pack(SUBS_IMMEDIATE, rd, rn, 0, rm);
                }
            case 8: case 9:
                return pack(MOVS_IMMEDIATE, r8, 0, 0, op & 0xFF);
            case 10: case 11:
                return pack(CMP_IMMEDIATE, 0, r8, 0, op & 0xFF);
            case 12: case 13:
                return pack(ADDS_IMMEDIATE, r8, r8, 0, op & 0xFF);
            case 14: case 15:
                return pack(SUBS_IMMEDIATE, r8, r8, 0, op & 0xFF);
            case 16:
                switch (op >>> 6 & 0xF) {
                    case 0x0: return pack(ANDS, rd, rd, rn, 0);
                    case 0x1: return pack(EORS, rd, rd, rn, 0);
                    case 0x8: return pack(TST, 0, rd, rn, 0);
                    case 0xA: return pack(CMP_REGISTER, 0, rd, rn, 0);
                    case 0xC: return pack(ORRS, rd, rd, rn, 0);
                    case 0xE: return pack(BICS, rd, rd, rn, 0);
                    default: return pack(DATA_PROCESSING, 0, 0, 0, op);
                }
            case 17: {
                int d = op >>> 4 & 8 | op & 7;
                int m = op >>> 3 & 0xF;
                int kind = op >>> 8 & 3;
                if (d < 13 && m < 13 && kind == 2) {
                    return pack(MOV_REGISTER, d, 0, m, 0);
                }
                if (d < 13 && m < 13 && kind == 0) {
                    return pack(ADD_REGISTER, d, d, m, 0);
                }
                return pack(GENERIC16, 0, 0, 0, op);
            }
            case 18: case 19:
                return pack(LOAD_LITERAL, r8, 0, 0, (op & 0xFF) << 2);
            case 20: case 21: case 22: case 23:
                return pack(LOAD_STORE_REGISTER, 0, 0, 0, op);
            case 24: case 25: case 26: case 27: case 28: case 29: case 30: case 31:
            case 32: case 33: case 34: case 35: case 36: case 37: case 38: case 39:
                return pack(LOAD_STORE_IMMEDIATE, 0, 0, 0, op);
            case 44: case 45: case 46: case 47:
                return pack(MISCELLANEOUS, 0, 0, 0, op);
            case 52: case 53: case 54: case 55: {
                int cond = op >>> 8 & 0xF;
                return cond < 14 ? pack(BRANCH_CONDITIONAL, cond, 0, 0, 4 + ((byte) op << 1))
                        : pack(GENERIC16, 0, 0, 0, op);
            }
            case 56: case 57:
                return pack(BRANCH, 0, 0, 0, 4 + (op << 21 >> 20));
            default:
                return pack(GENERIC16, 0, 0, 0, op);
        }
    }

    private static long decode32(int hw1, int hw2) {
        int raw = hw1 | hw2 << 16;
        if ((hw1 & 0xF800) == 0xF000 && (hw2 & 0x8000) == 0 && (hw1 & 0x200) == 0 && (hw1 & 0x10) == 0) {
            // A5.3.1 modified immediate without S
            int op = hw1 >>> 5 & 0xF;
            int n = hw1 & 0xF;
            int d = hw2 >>> 8 & 0xF;
            boolean plain = op == 0x0 || op == 0x1 || op == 0x2 || op == 0x3 || op == 0x4 || op == 0x8 || op == 0xD
                    || op == 0xE;
            if (plain && (d < 13 || d == 14)) {
                int imm12 = (hw1 & 0x400) << 1 | hw2 >>> 4 & 0x700 | hw2 & 0xFF;
                return pack(ALU_IMMEDIATE, d, n, op, Alu.thumbExpandImm(imm12));
            }
        }
        if ((hw1 & 0xFBF0) == 0xF240 && (hw2 & 0x8000) == 0) { // MOVW
            int d = hw2 >>> 8 & 0xF;
            if (d < 13 || d == 14) {
                int imm16 = (hw1 & 0xF) << 12 | (hw1 & 0x400) << 1 | hw2 >>> 4 & 0x700 | hw2 & 0xFF;
                return pack(MOVW, d, 0, 0, imm16);
            }
        }
        if ((hw1 & 0xF800) == 0xF000 && (hw2 & 0xD000) == 0xD000) { // BL
            return pack(BRANCH_LINK, 0, 0, 0, 4 + Thumb32.branchOffset24(hw1, hw2));
        }
        if ((hw1 & 0xF800) == 0xF000 && (hw2 & 0xD000) == 0x9000) { // B T4
            return pack(BRANCH_WIDE, 0, 0, 0, 4 + Thumb32.branchOffset24(hw1, hw2));
        }
        return pack(GENERIC32, 0, 0, 0, raw);
    }
}
