package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flag semantics of the arithmetic, compare and shift instructions against a plain Java reference
 * written from the definitions (unsigned/signed overflow of the exact sum, a bit-by-bit shifter),
 * not from AddWithCarry, over many random operands including the edge values.
 */
class ThumbFlagsReferenceTest {

    private static final int[] EDGES = {0, 1, -1, 2, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, 0xFFFF_FFFE, 0x0000_FFFF, 0x1_0000};
    private static final int ROUNDS = 2000;

    private record Result(int value, boolean n, boolean z, boolean c, boolean v) {
    }

    // ---- reference --------------------------------------------------------------------------

    private static Result add(int x, int y, int carryIn) {
        long unsigned = Integer.toUnsignedLong(x) + Integer.toUnsignedLong(y) + carryIn;
        long signed = (long) x + (long) y + carryIn;
        int value = (int) unsigned;
        return new Result(value, value < 0, value == 0, unsigned > 0xFFFF_FFFFL, signed != value);
    }

    /** x − y − borrow, borrow = NOT carry; C means "no borrow". */
    private static Result subtract(int x, int y, int carryIn) {
        int borrow = 1 - carryIn;
        long unsigned = Integer.toUnsignedLong(x) - Integer.toUnsignedLong(y) - borrow;
        long signed = (long) x - (long) y - borrow;
        int value = (int) unsigned;
        return new Result(value, value < 0, value == 0, unsigned >= 0, signed != value);
    }

    /** One bit at a time: the carry is the last bit shifted out; amount 0 keeps the carry. */
    private static Result shift(String type, int x, int amount, boolean carryIn, boolean overflow) {
        int value = x;
        boolean carry = carryIn;
        for (int i = 0; i < amount; i++) {
            switch (type) {
                case "LSL": carry = value < 0; value <<= 1; break;
                case "LSR": carry = (value & 1) != 0; value >>>= 1; break;
                case "ASR": carry = (value & 1) != 0; value >>= 1; break;
                default: carry = (value & 1) != 0; value = value >>> 1 | (carry ? 0x8000_0000 : 0); break;
            }
        }
        return new Result(value, value < 0, value == 0, carry, overflow);
    }

    // ---- harness ------------------------------------------------------------------------------

    /** One machine per test thread, re-armed for every instruction (a fresh one costs 128 KiB). */
    private static final ThreadLocal<TestMachine> MACHINE = ThreadLocal.withInitial(TestMachine::new);

    private static TestMachine run(int x, int y, int nzcvIn, int... halfwords) {
        TestMachine machine = MACHINE.get();
        machine.context.loadHalfwords(TestMachine.ORIGIN, halfwords);
        machine.set(CoreState.PC, TestMachine.ORIGIN);
        machine.state.apsr = nzcvIn << 28;
        machine.set(0, 0x5A5A_5A5A).set(1, x).set(2, y);
        machine.step();
        return machine;
    }

    /** Compares value (when written) and NZCV; AssertJ only on a mismatch, to keep 100 000 rounds fast. */
    private static void assertResult(TestMachine machine, Result expected, boolean writesR0, Supplier<String> what) {
        Result actual = new Result(writesR0 ? machine.r(0) : expected.value(), machine.flag(CoreState.N),
                machine.flag(CoreState.Z), machine.flag(CoreState.C), machine.flag(CoreState.V));
        if (!actual.equals(expected)) {
            assertThat(actual).as(what.get()).isEqualTo(expected);
        }
    }

    private static int operand(Random random) {
        int pick = random.nextInt(4);
        return pick == 0 ? EDGES[random.nextInt(EDGES.length)] : pick == 1 ? random.nextInt(256) - 128 : random.nextInt();
    }

    // ---- tests --------------------------------------------------------------------------------

    @ParameterizedTest(name = "given random operands and flags, when {0} runs, then value and NZCV match the reference")
    @ValueSource(strings = {"ADDS", "SUBS", "ADCS", "SBCS", "CMP", "CMN", "NEGS", "ADDS.W", "ADCS.W", "SBCS.W",
        "SUBS.W", "RSBS.W", "CMP.W", "CMN.W", "ADDS imm3", "SUBS imm8", "CMP imm8"})
    void givenRandomOperands_whenArithmeticRuns_thenFlagsMatchTheReference(String form) {
        Random random = new Random(form.hashCode());
        for (int i = 0; i < ROUNDS; i++) {
            int x = operand(random);
            int y = operand(random);
            int nzcv = random.nextInt(16);
            int carry = nzcv >>> 1 & 1;
            Result expected;
            TestMachine machine;
            boolean writes = true;
            switch (form) {
                case "ADDS": machine = run(x, y, nzcv, 0x1888); expected = add(x, y, 0); break;
                case "SUBS": machine = run(x, y, nzcv, 0x1A88); expected = subtract(x, y, 1); break;
                case "ADCS": machine = run(x, y, nzcv, 0x4608, 0x4150); expected = add(x, y, carry); break;
                case "SBCS": machine = run(x, y, nzcv, 0x4608, 0x4190); expected = subtract(x, y, carry); break;
                case "CMP": machine = run(x, y, nzcv, 0x4291); expected = subtract(x, y, 1); writes = false; break;
                case "CMN": machine = run(x, y, nzcv, 0x42D1); expected = add(x, y, 0); writes = false; break;
                case "NEGS": machine = run(x, y, nzcv, 0x4250); expected = subtract(0, y, 1); break;
                case "ADDS.W": machine = run(x, y, nzcv, 0xEB11, 0x0002); expected = add(x, y, 0); break;
                case "ADCS.W": machine = run(x, y, nzcv, 0xEB51, 0x0002); expected = add(x, y, carry); break;
                case "SBCS.W": machine = run(x, y, nzcv, 0xEB71, 0x0002); expected = subtract(x, y, carry); break;
                case "SUBS.W": machine = run(x, y, nzcv, 0xEBB1, 0x0002); expected = subtract(x, y, 1); break;
                case "RSBS.W": machine = run(x, y, nzcv, 0xEBD1, 0x0002); expected = subtract(y, x, 1); break;
                case "CMP.W": machine = run(x, y, nzcv, 0xEBB1, 0x0F02); expected = subtract(x, y, 1); writes = false; break;
                case "CMN.W": machine = run(x, y, nzcv, 0xEB11, 0x0F02); expected = add(x, y, 0); writes = false; break;
                case "ADDS imm3": {
                    int imm = y & 7;
                    machine = run(x, y, nzcv, 0x1C08 | imm << 6);
                    expected = add(x, imm, 0);
                    break;
                }
                case "SUBS imm8": { // movs r0,r1 would set flags; use mov r0,r1 then subs r0,#imm
                    int imm = y & 0xFF;
                    machine = run(x, y, nzcv, 0x4608, 0x3800 | imm);
                    machine.step();
                    expected = subtract(x, imm, 1);
                    break;
                }
                default: { // CMP r1, #imm8
                    int imm = y & 0xFF;
                    machine = run(x, y, nzcv, 0x2900 | imm);
                    expected = subtract(x, imm, 1);
                    writes = false;
                    break;
                }
            }
            if (form.equals("ADCS") || form.equals("SBCS")) {
                machine.step(); // the MOV r0, r1 ran first
            }
            assertResult(machine, expected, writes, () -> String.format("%s x=%08X y=%08X nzcv=%X", form, x, y, nzcv));
            if (!writes && machine.r(0) != 0x5A5A_5A5A) {
                assertThat(machine.r(0)).as(form + " must not write a register").isEqualTo(0x5A5A_5A5A);
            }
        }
    }

    @ParameterizedTest(name = "given random values and amounts, when {0} by register runs, then value and C match the bit-by-bit shifter")
    @ValueSource(strings = {"LSL", "LSR", "ASR", "ROR"})
    void givenRandomAmounts_whenShiftByRegisterRuns_thenValueAndCarryMatchTheReference(String type) {
        int[] narrow = {0x4088, 0x40C8, 0x4108, 0x41C8}; // LSLS/LSRS/ASRS/RORS r0, r1 (after MOV r0, r2)
        int[] wide = {0xFA12, 0xFA32, 0xFA52, 0xFA72}; // LSLS.W/... r0, r2, r1
        int index = "LSL LSR ASR ROR".indexOf(type) / 4;
        Random random = new Random(type.hashCode());
        for (int i = 0; i < ROUNDS; i++) {
            int value = operand(random);
            int amount = random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(35);
            int shiftRegister = random.nextInt(3) == 0 ? amount | random.nextInt() << 8 : amount; // only [7:0] counts
            int nzcv = random.nextInt(16);
            Result expected = type.equals("ROR")
                    ? rorReference(value, amount, (nzcv & 2) != 0, (nzcv & 1) != 0)
                    : shift(type, value, amount, (nzcv & 2) != 0, (nzcv & 1) != 0);
            Supplier<String> what = () -> String.format("%s %08X by %d nzcv=%X", type, value, amount, nzcv);

            TestMachine machine = run(shiftRegister, value, nzcv, 0x4610, narrow[index]);
            machine.step();
            assertResult(machine, expected, true, what);

            TestMachine wideMachine = run(shiftRegister, value, nzcv, wide[index], 0xF001);
            assertResult(wideMachine, expected, true, () -> what.get() + " .W");
        }
    }

    /** ROR by n: n = 0 keeps C; otherwise rotate n mod 32 and C = bit 31 of the result. */
    private static Result rorReference(int value, int amount, boolean carryIn, boolean overflow) {
        if (amount == 0) {
            return new Result(value, value < 0, value == 0, carryIn, overflow);
        }
        Result rotated = shift("ROR", value, amount, carryIn, overflow);
        return new Result(rotated.value(), rotated.n(), rotated.z(), rotated.value() < 0, overflow);
    }

    @ParameterizedTest(name = "given random values, when {0} #imm5 runs (16-bit and shifted-register .W), then value and C match")
    @ValueSource(strings = {"LSL", "LSR", "ASR", "ROR", "RRX"})
    void givenRandomValues_whenImmediateShiftRuns_thenValueAndCarryMatchTheReference(String type) {
        Random random = new Random(type.hashCode() + 1);
        int typeBits = "LSL LSR ASR ROR RRX".indexOf(type) / 4;
        for (int i = 0; i < ROUNDS; i++) {
            int value = operand(random);
            int imm5 = type.equals("RRX") ? 0 : random.nextInt(32);
            if (type.equals("ROR") && imm5 == 0) {
                imm5 = 1;
            }
            int nzcv = random.nextInt(16);
            boolean carryIn = (nzcv & 2) != 0;
            int amount = imm5 == 0 && (type.equals("LSR") || type.equals("ASR")) ? 32 : imm5;
            Result expected;
            if (type.equals("RRX")) {
                int result = value >>> 1 | (carryIn ? 0x8000_0000 : 0);
                expected = new Result(result, result < 0, result == 0, (value & 1) != 0, (nzcv & 1) != 0);
            } else {
                expected = shift(type, value, amount, carryIn, (nzcv & 1) != 0);
            }
            int shown = imm5;
            Supplier<String> what = () -> String.format("%s #%d of %08X nzcv=%X", type, shown, value, nzcv);
            if (typeBits < 3) {
                TestMachine machine = run(value, 0, nzcv, typeBits << 11 | imm5 << 6 | 1 << 3);
                assertResult(machine, expected, true, what);
            }
            int shiftType = typeBits == 4 ? 3 : typeBits;
            // MOVS.W r0, r1, <shift> #imm5 = EA5F 0 imm3 0000 imm2 type 0001
            TestMachine wide = run(value, 0, nzcv, 0xEA5F, (imm5 >>> 2) << 12 | (imm5 & 3) << 6 | shiftType << 4 | 1);
            assertResult(wide, expected, true, () -> what.get() + " .W");
        }
    }

    @ParameterizedTest(name = "given random modified immediates, when {0} #const runs, then value and flags match the reference")
    @ValueSource(strings = {"ANDS", "ORRS", "EORS", "BICS", "MOVS", "MVNS", "ADDS", "SUBS", "RSBS", "ADCS", "SBCS"})
    void givenRandomModifiedImmediates_whenDataProcessingRuns_thenResultMatchesTheReference(String form) {
        String[] names = {"ANDS", "BICS", "ORRS", "MVNS", "EORS", "", "", "", "ADDS", "", "ADCS", "SBCS", "", "SUBS", "RSBS"};
        int op = java.util.Arrays.asList(names).indexOf(form);
        if (form.equals("MOVS")) {
            op = 2;
        }
        Random random = new Random(form.hashCode() + 2);
        for (int i = 0; i < ROUNDS; i++) {
            int imm12 = random.nextInt(1 << 12);
            if ((imm12 & 0xC00) == 0 && (imm12 & 0x300) != 0 && (imm12 & 0xFF) == 0) {
                imm12 |= 1; // imm8 = 0 with a replicated pattern is UNPREDICTABLE
            }
            int x = operand(random);
            int nzcv = random.nextInt(16);
            boolean carryIn = (nzcv & 2) != 0;
            long constant = expandReference(imm12);
            int value = (int) constant;
            boolean shifterCarry = (imm12 & 0xC00) == 0 ? carryIn : value < 0;
            int n = form.equals("MOVS") || form.equals("MVNS") ? 15 : 1;
            int hw1 = 0xF010 | (imm12 & 0x800) >>> 1 | op << 5 | n;
            int hw2 = (imm12 & 0x700) << 4 | imm12 & 0xFF;
            TestMachine machine = run(x, 0, nzcv, hw1, hw2);
            Result expected;
            switch (form) {
                case "ADDS": expected = add(x, value, 0); break;
                case "ADCS": expected = add(x, value, carryIn ? 1 : 0); break;
                case "SUBS": expected = subtract(x, value, 1); break;
                case "SBCS": expected = subtract(x, value, carryIn ? 1 : 0); break;
                case "RSBS": expected = subtract(value, x, 1); break;
                default: {
                    int result;
                    switch (form) {
                        case "ANDS": result = x & value; break;
                        case "ORRS": result = x | value; break;
                        case "EORS": result = x ^ value; break;
                        case "BICS": result = x & ~value; break;
                        case "MOVS": result = value; break;
                        default: result = ~value; break;
                    }
                    expected = new Result(result, result < 0, result == 0, shifterCarry, (nzcv & 1) != 0);
                }
            }
            int encoded = imm12;
            assertResult(machine, expected, true, () -> String.format("%s %08X, #0x%X (imm12 %03X)", form, x, value, encoded));
        }
    }

    /** ThumbExpandImm from the table of A5.3.2, via a 64-bit rotate. */
    private static long expandReference(int imm12) {
        int imm8 = imm12 & 0xFF;
        if ((imm12 & 0xC00) == 0) {
            switch (imm12 >>> 8) {
                case 0: return imm8;
                case 1: return imm8 * 0x0001_0001L;
                case 2: return imm8 * 0x0100_0100L;
                default: return imm8 * 0x0101_0101L;
            }
        }
        long unrotated = 0x80 | imm12 & 0x7F;
        int rotation = imm12 >>> 7;
        long doubled = unrotated | unrotated << 32;
        return doubled >>> rotation & 0xFFFF_FFFFL;
    }
}
