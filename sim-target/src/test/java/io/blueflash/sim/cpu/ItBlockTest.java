package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IT blocks (ARMv7-M ARM A7.3): conditional execution, ITSTATE advance, flag setting inside. */
class ItBlockTest {

    @ParameterizedTest(name = "given r0 = {0}, when an ITE EQ block runs, then r1 = {1}")
    @CsvSource({"0, 1", "5, 2"})
    void givenACompare_whenIteRuns_thenExactlyOneArmExecutes(int r0, int r1) {
        TestMachine m = TestMachine.assembled("""
                cmp r0, #0
                ite eq
                moveq r1, #1
                movne r1, #2
                bkpt #0
                """).set(0, r0);

        m.runToBreakpoint();

        assertThat(m.r(1)).isEqualTo(r1);
        assertThat(m.state.itState).isZero();
    }

    @Test
    void givenSixteenBitSFormsInsideIt_whenRun_thenTheyDoNotSetFlags() {
        // inside IT the assembler picks the 16-bit "S" encodings (ADDS/SUBS/MOVS/LSLS/...), which
        // must leave the flags as CMP set them (Z = 1, N = 0, C = 1)
        TestMachine m = TestMachine.assembled("""
                cmp r0, #0
                itttt eq
                subeq r1, #1
                moveq r2, #0
                lsleq r3, r3, #31
                addeq r4, r4, r5
                bkpt #0
                """).set(0, 0).set(1, 0).set(3, 1).set(4, 0x7FFF_FFFF).set(5, 1);

        m.runToBreakpoint();

        assertThat(m.r(1)).isEqualTo(-1);
        assertThat(m.r(3)).isEqualTo(0x8000_0000);
        assertThat(m.r(4)).isEqualTo(0x8000_0000);
        assertThat(m.state.apsr).isEqualTo(CoreState.Z | CoreState.C);
        assertThat(GnuAssembler.assemble("it eq\nsubeq r1, #1\n")).hasSize(4);
    }

    @Test
    void givenAThirtyTwoBitSFormInsideIt_whenRun_thenItSetsFlags() {
        TestMachine m = TestMachine.assembled("""
                cmp r0, #0
                it eq
                subseq.w r1, r1, #1
                bkpt #0
                """).set(0, 0).set(1, 0);

        m.runToBreakpoint();

        assertThat(m.r(1)).isEqualTo(-1);
        assertThat(m.flag(CoreState.N)).isTrue();
        assertThat(m.flag(CoreState.Z)).isFalse();
    }

    @Test
    void givenFourConditionsAlternating_whenRun_thenWideAndNarrowInstructionsAreSkippedByCondition() {
        TestMachine m = TestMachine.assembled("""
                cmp r0, #1
                itete hi
                movhi.w r1, #0x1000
                movls.w r1, #0x2000
                addhi r2, r2, #1
                addls.w r2, r2, #0x100
                bkpt #0
                """).set(0, 1).set(2, 0);

        m.runToBreakpoint();

        assertThat(m.r(1)).isEqualTo(0x2000);
        assertThat(m.r(2)).isEqualTo(0x100);
    }

    @Test
    void givenAnIttBlock_whenStepped_thenItstateAdvancesAsItAdvanceSays() {
        TestMachine m = TestMachine.assembled("""
                ittet ne
                movne r1, #1
                movne r2, #2
                moveq r3, #3
                movne r4, #4
                bkpt #0
                """);
        m.step();
        assertThat(m.state.itState).isEqualTo(0x1B); // NE = 0001, mask 1011 (t e t)
        m.step();
        assertThat(m.state.itState).isEqualTo(0x16);
        m.step();
        assertThat(m.state.itState).isEqualTo(0x0C);
        m.step();
        assertThat(m.state.itState).isEqualTo(0x18);
        m.step();
        assertThat(m.state.itState).isZero();
        assertThat(new int[] {m.r(1), m.r(2), m.r(3), m.r(4)}).containsExactly(1, 2, 0, 4);
    }

    @Test
    void givenABreakpointInsideAFailedItCondition_whenStepped_thenItStillStopsThere() {
        TestMachine m = TestMachine.halfwords(0xBF08, 0xBE01, 0xBF00); // it eq; bkpt #1
        m.state.apsr = 0;
        m.step();
        m.step();
        assertThat(m.context.breakpoints).containsExactly(1);
        assertThat(m.pc()).isEqualTo(TestMachine.ORIGIN + 2);
        assertThat(m.state.itState).as("unchanged while stopped at the BKPT").isEqualTo(0x08);
    }

    @Test
    void givenAFaultingInstructionInsideIt_whenStepped_thenPcAndItstatePointAtIt() {
        TestMachine m = TestMachine.halfwords(0xBF04, 0xDE00, 0xBF00); // itt eq; udf; nop
        m.state.apsr = CoreState.Z;
        m.step();

        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.UNDEFINSTR);

        assertThat(m.pc()).isEqualTo(TestMachine.ORIGIN + 2);
        assertThat(m.state.itState).isEqualTo(0x04);
    }

    @Test
    void givenABranchAsLastInstructionOfIt_whenTaken_thenItBranchesAndTheBlockEnds() {
        TestMachine m = TestMachine.assembled("""
                cmp r0, #0
                itt eq
                moveq r1, #7
                bxeq lr
                bkpt #1
                """).set(0, 0).set(CoreState.LR, TestMachine.ORIGIN + 0x41);
        for (int i = 0; i < 4; i++) {
            m.step();
        }
        assertThat(m.pc()).isEqualTo(TestMachine.ORIGIN + 0x40);
        assertThat(m.r(1)).isEqualTo(7);
        assertThat(m.state.itState).isZero();
    }
}
