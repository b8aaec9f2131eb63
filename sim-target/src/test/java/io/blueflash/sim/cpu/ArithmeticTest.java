package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Multiply, divide, saturate, bitfield, extend, reverse and the wide move/immediate forms. */
class ArithmeticTest {

    @ParameterizedTest(name = "given {0} / {1}, when SDIV and UDIV run, then {2} and {3}")
    @CsvSource({
        "7, 2, 3, 3",
        "-7, 2, -3, 2147483644",
        "7, -2, -3, 0",
        "-2147483648, -1, -2147483648, 0",
        "-1, 1, -1, -1",
        "100, 0, 0, 0"})
    void givenOperands_whenDividing_thenQuotientsRoundTowardZeroAndDivisionByZeroGivesZero(
            int dividend, int divisor, int signed, int unsigned) {
        TestMachine m = TestMachine.assembled("sdiv r2, r0, r1\nudiv r3, r0, r1\nbkpt #0\n")
                .set(0, dividend).set(1, divisor).set(2, 99).set(3, 99);
        m.runToBreakpoint();
        assertThat(m.r(2)).isEqualTo(signed);
        assertThat(m.r(3)).isEqualTo(unsigned);
    }

    @Test
    void givenDiv0TrpSet_whenDividingByZero_thenDivbyzeroFaultLeavesRdAndPc() {
        for (String instruction : new String[] {"sdiv r2, r0, r1", "udiv r2, r0, r1"}) {
            TestMachine m = TestMachine.assembled(instruction + "\n").set(0, 5).set(1, 0).set(2, 99);
            m.context.divideByZeroTrap = true;
            assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                    .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.DIVBYZERO);
            assertThat(m.r(2)).isEqualTo(99);
            assertThat(m.pc()).isEqualTo(TestMachine.ORIGIN);
        }
    }

    @Test
    void givenRandomOperands_whenMultiplying_thenEveryFormMatchesJavaLongArithmetic() {
        TestMachine m = TestMachine.assembled("""
                mul r2, r0, r1
                mla r3, r0, r1, r4
                mls r5, r0, r1, r4
                umull r6, r7, r0, r1
                smull r8, r9, r0, r1
                mov r10, r4
                mov r11, r4
                umlal r10, r11, r0, r1
                mov r12, r4
                mov lr, r4
                smlal r12, lr, r0, r1
                muls r4, r0
                bkpt #0
                """);
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            int x = random.nextInt();
            int y = i % 3 == 0 ? random.nextInt(1000) - 500 : random.nextInt();
            int a = random.nextInt();
            m.set(CoreState.PC, TestMachine.ORIGIN).set(0, x).set(1, y).set(4, a);
            m.state.apsr = CoreState.C | CoreState.V;
            m.runToBreakpoint();
            long unsigned = Integer.toUnsignedLong(x) * Integer.toUnsignedLong(y);
            long signed = (long) x * y;
            long accumulator = (long) a << 32 | Integer.toUnsignedLong(a);
            assertThat(m.r(2)).isEqualTo(x * y);
            assertThat(m.r(3)).isEqualTo(a + x * y);
            assertThat(m.r(5)).isEqualTo(a - x * y);
            assertThat(pair(m, 6, 7)).isEqualTo(unsigned);
            assertThat(pair(m, 8, 9)).isEqualTo(signed);
            assertThat(pair(m, 10, 11)).isEqualTo(unsigned + accumulator);
            assertThat(pair(m, 12, 14)).isEqualTo(signed + accumulator);
            assertThat(m.r(4)).isEqualTo(x * a);
            assertThat(m.flag(CoreState.C) && m.flag(CoreState.V)).as("MULS keeps C and V").isTrue();
            assertThat(m.flag(CoreState.Z)).isEqualTo(x * a == 0);
            assertThat(m.flag(CoreState.N)).isEqualTo(x * a < 0);
        }
    }

    private static long pair(TestMachine m, int lo, int hi) {
        return (long) m.r(hi) << 32 | Integer.toUnsignedLong(m.r(lo));
    }

    @ParameterizedTest(name = "given {1}, when {0} runs, then r0 = {2} and Q = {3}")
    @CsvSource(delimiter = ';', value = {
        "ssat r0, #8, r1; 127; 127; false",
        "ssat r0, #8, r1; 128; 127; true",
        "ssat r0, #8, r1; -129; -128; true",
        "ssat r0, #1, r1; -1; -1; false",
        "ssat r0, #1, r1; 1; 0; true",
        "ssat r0, #32, r1; -2147483648; -2147483648; false",
        "ssat r0, #16, r1, asr #4; 1048576; 32767; true",
        "ssat r0, #16, r1, lsl #4; -4096; -32768; true",
        "usat r0, #8, r1; 255; 255; false",
        "usat r0, #8, r1; 256; 255; true",
        "usat r0, #8, r1; -1; 0; true",
        "usat r0, #0, r1; 5; 0; true",
        "usat r0, #31, r1; 2147483647; 2147483647; false",
        "usat r0, #4, r1, asr #31; -2147483648; 0; true"})
    void givenValues_whenSaturating_thenTheyClampAndSetQ(String instruction, int value, int expected, boolean q) {
        TestMachine m = TestMachine.assembled(instruction + "\nbkpt #0\n").set(1, value);
        m.runToBreakpoint();
        assertThat(m.r(0)).isEqualTo(expected);
        assertThat(m.flag(CoreState.Q)).isEqualTo(q);
    }

    @Test
    void givenQSet_whenMsrApsrClearsIt_thenItIsClearAndMrsShowsFlags() {
        TestMachine m = TestMachine.assembled("""
                ssat r0, #2, r1
                mrs r2, apsr
                movs r3, #0
                msr apsr_nzcvq, r3
                mrs r4, apsr
                bkpt #0
                """).set(1, 100);
        m.runToBreakpoint();
        assertThat(m.r(2) & CoreState.Q).isNotZero();
        assertThat(m.r(4)).isZero();
        assertThat(m.state.apsr).isZero();
    }

    @Test
    void givenBitfieldReverseAndCountInstructions_whenRun_thenResultsMatch() {
        TestMachine m = TestMachine.assembled("""
                bfi r1, r0, #8, #12
                sbfx r2, r0, #4, #8
                ubfx r3, r0, #28, #4
                clz r4, r0
                clz r5, r12
                rbit r6, r0
                rev r7, r0
                rev16 r8, r0
                revsh r9, r0
                sbfx r10, r0, #0, #32
                bfi r11, r0, #0, #32
                bkpt #0
                """).set(0, 0x00F0_0F81).set(1, 0xFFFF_FFFF).set(12, 0);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(0xFFFF_81FF);
        assertThat(m.r(2)).isEqualTo(0xFFFF_FFF8);
        assertThat(m.r(3)).isZero();
        assertThat(m.r(4)).isEqualTo(8);
        assertThat(m.r(5)).isEqualTo(32);
        assertThat(m.r(6)).isEqualTo(Integer.reverse(0x00F0_0F81));
        assertThat(m.r(7)).isEqualTo(0x810F_F000);
        assertThat(m.r(8)).isEqualTo(0xF000_810F);
        assertThat(m.r(9)).isEqualTo(0xFFFF_810F);
        assertThat(m.r(10)).isEqualTo(0x00F0_0F81);
        assertThat(m.r(11)).isEqualTo(0x00F0_0F81);
    }

    @Test
    void givenExtendsWithRotation_whenRun_thenTheRotatedByteOrHalfwordIsExtended() {
        TestMachine m = TestMachine.assembled("""
                sxtb r1, r0
                uxtb r2, r0
                sxth r3, r0
                uxth r4, r0
                sxtb.w r5, r0, ror #8
                uxtb.w r6, r0, ror #16
                sxth.w r7, r0, ror #24
                uxth.w r8, r0, ror #8
                bkpt #0
                """).set(0, 0x8192_A3B4);
        m.runToBreakpoint();
        assertThat(new int[] {m.r(1), m.r(2), m.r(3), m.r(4), m.r(5), m.r(6), m.r(7), m.r(8)}).containsExactly(
                0xFFFF_FFB4, 0xB4, 0xFFFF_A3B4, 0xA3B4, 0xFFFF_FFA3, 0x92, 0xFFFF_B481, 0x92A3);
    }

    @Test
    void givenWideMovesAndPlainImmediates_whenRun_thenConstantsAndAddressesAreBuilt() {
        TestMachine m = TestMachine.assembled("""
                movw r0, #0x5678
                movt r0, #0x1234
                addw r1, r0, #0xFFF
                subw r2, r0, #0x678
                adr.w r3, 1f
                mvn r4, #0xFF
                orn r5, r0, #0xFF000000
                teq r0, r0
                mov.w r6, #0x00AB00AB
                add r7, sp, #1020
                sub sp, sp, #8
                add.w sp, sp, #0x100
                bkpt #0
                .align 2
            1:  .word 0xABCD1234
                """);
        int sp = m.r(CoreState.SP);
        m.runToBreakpoint();
        assertThat(m.r(0)).isEqualTo(0x1234_5678);
        assertThat(m.r(1)).isEqualTo(0x1234_6677);
        assertThat(m.r(2)).isEqualTo(0x1234_5000);
        assertThat(m.context.word(m.r(3))).as("ADR points at the label").isEqualTo(0xABCD_1234);
        assertThat(m.r(4)).isEqualTo(0xFFFF_FF00);
        assertThat(m.r(5)).isEqualTo(0x12FF_FFFF | 0x1234_5678);
        assertThat(m.flag(CoreState.Z)).isTrue();
        assertThat(m.r(6)).isEqualTo(0x00AB_00AB);
        assertThat(m.r(7)).isEqualTo(sp + 1020);
        assertThat(m.r(CoreState.SP)).isEqualTo(sp - 8 + 0x100);
    }
}
