package io.blueflash.sim.cpu;

/**
 * Core cycles per instruction at zero wait states (Cortex-M3 TRM r2p1 Table 3-1, §3.3.2), in one
 * place so the model can be calibrated. Memory wait states are the {@link ExecutionContext}'s.
 *
 * <p>Choices where the TRM gives a range:
 * <ul>
 * <li>P (pipeline refill after a taken branch or any PC write) = 2: the STM32F103 runs a
 *     {@code subs; bhi} loop from SRAM in 4 cycles per iteration (1 + 1+P).</li>
 * <li>IT is not folded (1 cycle), as with ACTLR.DISFOLD set; a skipped instruction in an IT block
 *     costs 1.</li>
 * <li>LDR is 2; a single LDR/STR directly after an LDR whose address does not use that LDR's result
 *     saves 1 (LDR;LDR = 3, three LDRs = 4). STR with an immediate offset is 1 (the write buffer
 *     takes the data phase), with a register offset 2.</li>
 * <li>Unaligned LDR/STR/LDRH/STRH: +1, a word at an odd address +2 (split bus accesses).</li>
 * <li>Long multiplies terminate early on the magnitude of the second operand (Rm): UMULL 3 when Rm
 *     fits in 16 significant bits, else 4; UMLAL 4/5/6 for ≤8/≤16/more bits; signed forms one
 *     more (TRM: "MLAL 4-7, MULL 3-5, signed one cycle longer").</li>
 * <li>SDIV/UDIV: 2 + ceil(10·q / 32) where q = the number of quotient bits the radix divider must
 *     produce = max(0, bits(|dividend|) − bits(|divisor|) + 1): 2 when the divisor exceeds the
 *     dividend, 12 for a full 32-bit quotient; by zero 2.</li>
 * </ul>
 */
final class CycleModel {

    /** Pipeline refill after a taken branch or a PC write. */
    static final int P = 2;
    static final int ALU = 1;
    static final int IT = 1;
    static final int SKIPPED = 1;
    static final int BRANCH_NOT_TAKEN = 1;
    static final int BRANCH_TAKEN = 1 + P;
    /** MOV PC/ADD PC, BX, BLX, B, BL. */
    static final int PC_WRITE = 1 + P;
    static final int LOAD = 2;
    static final int LOAD_PAIRED = 1;
    static final int STORE_IMMEDIATE = 1;
    static final int STORE_REGISTER = 2;
    /** LDR PC, [...]. */
    static final int LOAD_PC = 2 + P;
    static final int DUAL = 3;
    static final int EXCLUSIVE = 2;
    static final int TABLE_BRANCH = 2 + P;
    static final int MUL = 1;
    static final int MLA = 2;
    static final int SPECIAL = 1;
    static final int BARRIER = 1;
    static final int ISB = 1 + P;
    static final int HINT = 1;

    private CycleModel() {
    }

    /** LDM/STM/PUSH/POP of {@code registers} registers; +P when the PC is loaded. */
    static int multiple(int registers, boolean loadsPc) {
        return 1 + registers + (loadsPc ? P : 0);
    }

    /** Extra cycles of a split (unaligned) access of {@code size} bytes at {@code address}. */
    static int unalignedPenalty(int address, int size) {
        if (size == 4 && (address & 1) != 0) {
            return 2;
        }
        return (address & (size - 1)) != 0 ? 1 : 0;
    }

    static int longMultiply(int rm, boolean signed, boolean accumulate) {
        int bits = signed ? signedBits(rm) : 32 - Integer.numberOfLeadingZeros(rm);
        int cycles = accumulate ? 4 + (bits > 8 ? 1 : 0) + (bits > 16 ? 1 : 0) : 3 + (bits > 16 ? 1 : 0);
        return signed ? cycles + 1 : cycles;
    }

    /** Divide cycles from the operands' magnitudes (unsigned values, or absolute values for SDIV). */
    static int divide(long dividendMagnitude, long divisorMagnitude) {
        if (divisorMagnitude == 0) {
            return 2;
        }
        int q = Math.max(0, bitLength(dividendMagnitude) - bitLength(divisorMagnitude) + 1);
        return 2 + (10 * q + 31) / 32;
    }

    private static int signedBits(int value) {
        return 33 - Integer.numberOfLeadingZeros(value ^ value >> 31);
    }

    private static int bitLength(long value) {
        return 64 - Long.numberOfLeadingZeros(value);
    }
}
