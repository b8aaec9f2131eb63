package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.LR;
import static io.blueflash.sim.cpu.CoreState.PC;
import static io.blueflash.sim.cpu.CoreState.SP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Hand-checked encodings (GNU as output recorded in the execution fact sheet §1.8 and §1.6) run
 * without the assembler, so these tests do not depend on the tool.
 */
class HandCheckedVectorsTest {

    private static final int A = TestMachine.ORIGIN;

    @Test
    void givenMovsR1R2_whenStepped_thenR1CopiesR2AndNAndZFollowIt() {
        TestMachine m = TestMachine.halfwords(0x0011).set(2, 0x8000_0000);
        m.state.apsr = CoreState.C | CoreState.V;

        assertThat(m.step()).isEqualTo(1);

        assertThat(m.r(1)).isEqualTo(0x8000_0000);
        assertThat(m.state.apsr).isEqualTo(CoreState.N | CoreState.C | CoreState.V);
        assertThat(m.pc()).isEqualTo(A + 2);
    }

    @Test
    void givenAddR0Pc_whenStepped_thenThePcReadsAsItsAddressPlusFourUnaligned() {
        TestMachine m = TestMachine.halfwords(0xBF00, 0x4478).set(0, 0x10);
        m.step();
        m.step();
        assertThat(m.r(0)).isEqualTo(A + 2 + 4 + 0x10);
    }

    @Test
    void givenMovPcLr_whenStepped_thenItBranchesWithoutChangingState() {
        TestMachine m = TestMachine.halfwords(0x46F7).set(LR, A + 0x41);

        assertThat(m.step()).isEqualTo(CycleModel.PC_WRITE);

        assertThat(m.pc()).isEqualTo(A + 0x40);
        assertThat(m.state.thumb).isTrue();
    }

    @Test
    void givenPopR4ToR7AndPc_whenStepped_thenRegistersLoadAndThePcInterworks() {
        TestMachine m = TestMachine.halfwords(0xBDF0);
        int sp = m.r(SP) - 20;
        m.set(SP, sp);
        for (int i = 0; i < 4; i++) {
            m.context.write(sp + 4 * i, 4, 0x100 + i);
        }
        m.context.write(sp + 16, 4, A + 0x81);

        assertThat(m.step()).isEqualTo(1 + 5 + CycleModel.P);

        assertThat(new int[] {m.r(4), m.r(5), m.r(6), m.r(7)}).containsExactly(0x100, 0x101, 0x102, 0x103);
        assertThat(m.pc()).isEqualTo(A + 0x80);
        assertThat(m.r(SP)).isEqualTo(sp + 20);
    }

    @Test
    void givenIteNe_whenStepped_thenItstateHoldsFirstcondAndMask() {
        TestMachine m = TestMachine.halfwords(0xBF14);
        m.step();
        assertThat(m.state.itState).isEqualTo(0x14);
        assertThat(m.state.inItBlock()).isTrue();
    }

    @Test
    void givenNegsR1R2_whenStepped_thenR1IsMinusR2WithBorrowFlags() {
        TestMachine m = TestMachine.halfwords(0x4251).set(2, 5);
        m.step();
        assertThat(m.r(1)).isEqualTo(-5);
        assertThat(m.state.apsr).isEqualTo(CoreState.N);
    }

    @Test
    void givenAndWWithReplicatedConstant_whenStepped_thenTheConstantIsFF00FF00() {
        TestMachine m = TestMachine.halfwords(0xF002, 0x21FF).set(2, 0x1234_5678);
        m.step();
        assertThat(m.r(1)).isEqualTo(0x1200_5600);
        assertThat(m.pc()).isEqualTo(A + 4);
    }

    @Test
    void givenMovwBeef_whenStepped_thenR1IsBeefAndFlagsAreUntouched() {
        TestMachine m = TestMachine.halfwords(0xF64B, 0x61EF).set(1, -1);
        m.state.apsr = CoreState.Z;
        m.step();
        assertThat(m.r(1)).isEqualTo(0xBEEF);
        assertThat(m.state.apsr).isEqualTo(CoreState.Z);
    }

    @Test
    void givenBfcAndUbfx_whenStepped_thenBitfieldsAreClearedAndExtracted() {
        TestMachine m = TestMachine.halfwords(0xF36F, 0x110B, 0xF3C2, 0x01C4).set(1, -1).set(2, 0b1011_0101_000);
        m.step();
        assertThat(m.r(1)).isEqualTo(0xFFFF_F00F);
        m.step();
        assertThat(m.r(1)).isEqualTo(0b10101);
    }

    @Test
    void givenSdivR1R2R3_whenStepped_thenTheQuotientRoundsTowardZero() {
        TestMachine m = TestMachine.halfwords(0xFB92, 0xF1F3).set(2, -7).set(3, 2);
        m.step();
        assertThat(m.r(1)).isEqualTo(-3);
    }

    @Test
    void givenTbhPcR2_whenStepped_thenThePcAdvancesByTwiceTheHalfwordEntry() {
        // tbh [pc, r2, lsl #1]; table right after it (PC + 4 = A + 4)
        TestMachine m = TestMachine.halfwords(0xE8DF, 0xF012, 0x0003, 0x0010, 0x0020).set(2, 1);

        assertThat(m.step()).isEqualTo(CycleModel.TABLE_BRANCH);

        assertThat(m.pc()).isEqualTo(A + 4 + 2 * 0x10);
    }

    @Test
    void givenStrexAfterLdrex_whenStepped_thenItStoresAndReportsZeroAndAgainFailsWithOne() {
        // ldrex r0,[r3,#4] = E853 0F01; strex r1,r2,[r3,#4] = E843 2101 (twice)
        TestMachine m = TestMachine.halfwords(0xE853, 0x0F01, 0xE843, 0x2101, 0xE843, 0x2101)
                .set(2, 0xCAFE).set(3, TestContext.SRAM + 0x1000).set(1, 7);
        m.step();
        m.step();
        assertThat(m.r(1)).isZero();
        assertThat(m.context.word(TestContext.SRAM + 0x1004)).isEqualTo(0xCAFE);
        m.set(2, 0xBEEF);
        m.step();
        assertThat(m.r(1)).isEqualTo(1);
        assertThat(m.context.word(TestContext.SRAM + 0x1004)).isEqualTo(0xCAFE);
    }

    @Test
    void givenLdrWPcPostIndexedFromSp_whenStepped_thenItPopsThePcAndInterworks() {
        TestMachine m = TestMachine.halfwords(0xF85D, 0xFB04);
        int sp = m.r(SP) - 4;
        m.set(SP, sp);
        m.context.write(sp, 4, A + 0x201);

        assertThat(m.step()).isEqualTo(CycleModel.LOAD_PC);

        assertThat(m.pc()).isEqualTo(A + 0x200);
        assertThat(m.r(SP)).isEqualTo(sp + 4);
        assertThat(m.state.thumb).isTrue();
    }

    @Test
    void givenPushWR4ToR11AndLr_whenStepped_thenNineWordsAreStoredBelowSp() {
        TestMachine m = TestMachine.halfwords(0xE92D, 0x4FF0);
        for (int i = 4; i <= 11; i++) {
            m.set(i, i * 0x11);
        }
        m.set(LR, 0xFFFF_FFF9);
        int sp = m.r(SP);

        assertThat(m.step()).isEqualTo(1 + 9);

        assertThat(m.r(SP)).isEqualTo(sp - 36);
        assertThat(m.context.word(sp - 36)).isEqualTo(4 * 0x11);
        assertThat(m.context.word(sp - 8)).isEqualTo(11 * 0x11);
        assertThat(m.context.word(sp - 4)).isEqualTo(0xFFFF_FFF9);
    }

    @Test
    void givenMovWRrx_whenStepped_thenTheCarryEntersBit31AndFlagsStay() {
        TestMachine m = TestMachine.halfwords(0xEA4F, 0x0132).set(2, 3);
        m.state.apsr = CoreState.C;
        m.step();
        assertThat(m.r(1)).isEqualTo(0x8000_0001);
        assertThat(m.state.apsr).isEqualTo(CoreState.C);
    }

    @Test
    void givenMrsIpsrAndControl_whenStepped_thenTheContextSuppliesThem() {
        TestMachine m = TestMachine.halfwords(0xF3EF, 0x8105, 0xF3EF, 0x8214);
        m.state.setIpsr(11);
        m.state.control = 1;
        m.step();
        m.step();
        assertThat(m.r(1)).isEqualTo(11);
        assertThat(m.r(2)).isEqualTo(1);
    }

    @Test
    void givenMsrPrimaskAndCps_whenStepped_thenTheContextChangesTheMasks() {
        TestMachine m = TestMachine.halfwords(0xF381, 0x8810, 0xB662, 0xB672).set(1, 1);
        m.step();
        assertThat(m.state.primask).isEqualTo(1);
        m.step();
        assertThat(m.state.primask).isZero();
        m.step();
        assertThat(m.state.primask).isEqualTo(1);
    }

    @Test
    void givenTstWWithRotatedConstant_whenStepped_thenTheConstantIs0x100AndCarryIsItsBit31() {
        TestMachine m = TestMachine.halfwords(0xF411, 0x7F80).set(1, 0x100);
        m.state.apsr = CoreState.C;
        m.step();
        assertThat(m.state.apsr).as("not zero, carry = bit 31 of 0x100 = 0").isZero();
    }

    @Test
    void givenSsatEight_whenStepped_thenTheValueClampsAndQSticks() {
        TestMachine m = TestMachine.halfwords(0xF302, 0x0107, 0xF302, 0x0107).set(2, 300);
        m.step();
        assertThat(m.r(1)).isEqualTo(127);
        assertThat(m.flag(CoreState.Q)).isTrue();
        m.set(2, -5);
        m.step();
        assertThat(m.r(1)).isEqualTo(-5);
        assertThat(m.flag(CoreState.Q)).as("sticky").isTrue();
    }

    @Test
    void givenStrPreIndexedWriteBack_whenStepped_thenItPushesOneWord() {
        TestMachine m = TestMachine.halfwords(0xF84D, 0x1D04).set(1, 0x1234);
        int sp = m.r(SP);
        m.step();
        assertThat(m.r(SP)).isEqualTo(sp - 4);
        assertThat(m.context.word(sp - 4)).isEqualTo(0x1234);
    }

    @Test
    void givenDmbIsh_whenStepped_thenItIsABarrierThatChangesNothing() {
        TestMachine m = TestMachine.halfwords(0xF3BF, 0x8F5B);
        assertThat(m.step()).isEqualTo(CycleModel.BARRIER);
        assertThat(m.pc()).isEqualTo(A + 4);
    }
}
