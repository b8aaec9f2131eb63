package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.SP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads and stores: every addressing form, LDM/STM edge cases, exclusives, alignment faults. */
class LoadStoreTest {

    private static final int A = TestMachine.ORIGIN;
    private static final int DATA = TestContext.SRAM + 0x4000;

    private static TestMachine withData(String source) {
        TestMachine m = TestMachine.assembled(source).set(0, DATA);
        for (int i = 0; i < 16; i++) {
            m.context.write(DATA + 4 * i, 4, 0x8070_6050 + i * 0x0101_0101);
        }
        return m;
    }

    @Test
    void givenEveryWordAddressingForm_whenRun_thenAddressesAndWriteBacksAreRight() {
        TestMachine m = withData("""
                ldr r1, [r0, #4]
                ldr.w r2, [r0, #8]
                ldr r3, [r0, #-4]!
                ldr r4, [r0], #8
                movs r6, #3
                ldr.w r5, [r0, r6, lsl #2]
                ldr r7, =0x12345678
                ldr.w r8, 1f
                bkpt #0
                .align 2
            1:  .word 0xCAFEF00D
                .ltorg
                """);
        m.context.write(DATA - 4, 4, 0x1111_1111);

        m.runToBreakpoint();

        assertThat(m.r(1)).isEqualTo(0x8171_6151);
        assertThat(m.r(2)).isEqualTo(0x8272_6252);
        assertThat(m.r(3)).isEqualTo(0x1111_1111);
        assertThat(m.r(4)).isEqualTo(0x1111_1111);
        assertThat(m.r(0)).isEqualTo(DATA + 4);
        assertThat(m.r(5)).isEqualTo(0x8474_6454);
        assertThat(m.r(7)).isEqualTo(0x1234_5678);
        assertThat(m.r(8)).isEqualTo(0xCAFE_F00D);
    }

    @Test
    void givenByteAndHalfwordLoads_whenRun_thenTheyZeroOrSignExtend() {
        TestMachine m = withData("""
                ldrb r1, [r0, #3]
                ldrsb r2, [r0, r6]
                ldrh r3, [r0, #2]
                ldrsh.w r4, [r0, #2]
                ldrsb.w r5, [r0, #-1]
                ldrb.w r7, [r0, #1]!
                bkpt #0
                """).set(6, 3);
        m.context.write(DATA - 1, 1, 0x80);

        m.runToBreakpoint();

        assertThat(m.r(1)).isEqualTo(0x80);
        assertThat(m.r(2)).isEqualTo(0xFFFF_FF80);
        assertThat(m.r(3)).isEqualTo(0x8070);
        assertThat(m.r(4)).isEqualTo(0xFFFF_8070);
        assertThat(m.r(5)).isEqualTo(0xFFFF_FF80);
        assertThat(m.r(7)).isEqualTo(0x60);
        assertThat(m.r(0)).isEqualTo(DATA + 1);
    }

    @Test
    void givenStoresOfEverySize_whenRun_thenOnlyTheirBytesChange() {
        TestMachine m = withData("""
                strb r1, [r0]
                strh r1, [r0, #6]
                str.w r1, [r0, #8]
                strb.w r1, [r0, #-1]
                strh.w r1, [r0, r2, lsl #1]
                str r1, [r0, #16]!
                bkpt #0
                """).set(1, 0xA1B2_C3D4).set(2, 6);
        m.runToBreakpoint();
        assertThat(m.context.word(DATA)).isEqualTo(0x8070_60D4);
        assertThat(m.context.word(DATA + 4)).isEqualTo(0xC3D4_6151);
        assertThat(m.context.word(DATA + 8)).isEqualTo(0xA1B2_C3D4);
        assertThat(m.context.read(DATA - 1, 1)).isEqualTo(0xD4);
        assertThat(m.context.read(DATA + 12, 2)).isEqualTo(0xC3D4);
        assertThat(m.r(0)).isEqualTo(DATA + 16);
        assertThat(m.context.word(DATA + 16)).isEqualTo(0xA1B2_C3D4);
    }

    @Test
    void givenLdrdAndStrdWithWriteBackAndLiteral_whenRun_thenPairsMove() {
        TestMachine m = withData("""
                ldrd r2, r3, [r0, #8]!
                strd r2, r3, [r0, #-8]
                ldrd r4, r5, [r0], #-8
                ldrd r6, r7, 1f
                bkpt #0
                .align 3
            1:  .word 1, 2
                """);
        m.runToBreakpoint();
        assertThat(m.r(2)).isEqualTo(0x8272_6252);
        assertThat(m.r(3)).isEqualTo(0x8373_6353);
        assertThat(m.context.word(DATA)).isEqualTo(0x8272_6252);
        assertThat(m.r(4)).isEqualTo(0x8272_6252);
        assertThat(m.r(0)).isEqualTo(DATA);
        assertThat(new int[] {m.r(6), m.r(7)}).containsExactly(1, 2);
    }

    @Test
    void givenMultipleTransfersOfEveryForm_whenRun_thenOrderAndWriteBackFollowTheArchitecture() {
        TestMachine m = withData("""
                ldmia r0!, {r1, r2, r3}
                stmdb r0!, {r4, r5}
                ldmdb r0, {r6, r7}
                mov r8, r0
                ldmia.w r8, {r9, r10, r11}
                stmia r0!, {r1, r2}
                bkpt #0
                """).set(4, 0x44).set(5, 0x55);
        m.runToBreakpoint();
        assertThat(new int[] {m.r(1), m.r(2), m.r(3)}).containsExactly(0x8070_6050, 0x8171_6151, 0x8272_6252);
        assertThat(m.context.word(DATA + 4)).isEqualTo(0x8070_6050);
        assertThat(m.context.word(DATA + 8)).isEqualTo(0x8171_6151);
        assertThat(m.r(6)).as("below DATA, never written").isZero();
        assertThat(m.r(7)).isEqualTo(0x8070_6050);
        assertThat(new int[] {m.r(9), m.r(10), m.r(11)}).containsExactly(0x44, 0x55, 0x8373_6353);
        assertThat(m.r(0)).isEqualTo(DATA + 12);
    }

    @Test
    void givenSixteenBitLdmWithTheBaseInTheList_whenRun_thenTheBaseIsLoadedNotWrittenBack() {
        TestMachine m = withData("ldmia r0, {r0, r1}\nbkpt #0\n");
        m.runToBreakpoint();
        assertThat(m.r(0)).isEqualTo(0x8070_6050);
        assertThat(m.r(1)).isEqualTo(0x8171_6151);
    }

    @Test
    void givenPushAndPopWide_whenRun_thenRegistersRoundTripThroughTheStack() {
        TestMachine m = TestMachine.assembled("""
                push {r0-r3, lr}
                push.w {r4-r11}
                movs r0, #0
                mov r4, r0
                mov r11, r0
                pop.w {r4-r11}
                pop {r0-r3}
                pop {r12}
                bkpt #0
                """).set(0, 10).set(4, 40).set(11, 110).set(CoreState.LR, 0x1234);
        int sp = m.r(SP);
        m.runToBreakpoint();
        assertThat(m.r(0)).isEqualTo(10);
        assertThat(m.r(4)).isEqualTo(40);
        assertThat(m.r(11)).isEqualTo(110);
        assertThat(m.r(12)).isEqualTo(0x1234);
        assertThat(m.r(SP)).isEqualTo(sp);
    }

    @Test
    void givenAnLdmWhoseSecondWordBusFaults_whenStepped_thenNoRegisterBaseOrPcChanges() {
        TestMachine m = TestMachine.assembled("ldmia r0, {r0, r1, r2}\n");
        int base = TestContext.SRAM + TestContext.SIZE - 4; // the second word is past the end of SRAM
        m.set(0, base).set(1, 11).set(2, 22);

        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.PRECISERR);

        assertThat(new int[] {m.r(0), m.r(1), m.r(2)}).containsExactly(base, 11, 22);
        assertThat(m.pc()).isEqualTo(A);
    }

    @Test
    void givenAPopOfThePcThatBusFaults_whenStepped_thenSpAndPcStay() {
        TestMachine m = TestMachine.assembled("pop {r4, pc}\n");
        m.set(SP, TestContext.SRAM + TestContext.SIZE - 4);
        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class);
        assertThat(m.r(SP)).isEqualTo(TestContext.SRAM + TestContext.SIZE - 4);
        assertThat(m.pc()).isEqualTo(A);
    }

    @ParameterizedTest(name = "given an unaligned base, when {0} runs, then UsageFault UNALIGNED and nothing changes")
    @ValueSource(strings = {"ldmia r0!, {r1, r2}", "stmia r0!, {r1, r2}", "ldrd r1, r2, [r0], #8", "strd r1, r2, [r0, #8]!",
        "ldrex r1, [r0]", "strex r3, r1, [r0]", "ldrexh r1, [r0]", "push {r1}", "pop {r1}"})
    void givenAnUnalignedAddress_whenAMultipleDualOrExclusiveAccessRuns_thenUnalignedFault(String instruction) {
        TestMachine m = TestMachine.assembled(instruction + "\n").set(0, DATA + 1).set(1, 5).set(3, 9);
        m.set(SP, TestMachine.STACK_TOP - 2);
        m.context.setExclusive(DATA + 1, 4);

        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.UNALIGNED);

        assertThat(new int[] {m.r(0), m.r(1), m.r(3), m.r(SP)}).containsExactly(DATA + 1, 5, 9, TestMachine.STACK_TOP - 2);
        assertThat(m.pc()).isEqualTo(A);
    }

    @Test
    void givenUnalignedWordAndHalfwordAccesses_whenTheTrapIsOff_thenTheyAreSplitLittleEndian() {
        TestMachine m = withData("""
                ldr r1, [r0, #1]
                ldrh r2, [r0, #3]
                ldrsh r3, [r0, r4]
                str r5, [r0, #33]
                bkpt #0
                """).set(4, 3).set(5, 0x0A0B_0C0D);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(0x5180_7060);
        assertThat(m.r(2)).isEqualTo(0x5180);
        assertThat(m.r(3)).isEqualTo(0x5180);
        assertThat(m.context.read(DATA + 33, 4)).isEqualTo(0x0A0B_0C0D);
    }

    @ParameterizedTest(name = "given CCR.UNALIGN_TRP, when {0} is unaligned, then UsageFault UNALIGNED")
    @ValueSource(strings = {"ldr r1, [r0, #1]", "ldrh r1, [r0, #1]", "str r1, [r0, #2]", "strh.w r1, [r0, #-1]", "ldrsh.w r1, [r0, #3]"})
    void givenTheUnalignedTrap_whenAnUnalignedSingleAccessRuns_thenUnalignedFault(String instruction) {
        TestMachine m = TestMachine.assembled(instruction + "\n").set(0, DATA).set(1, 7);
        m.context.unalignedTrap = true;
        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.UNALIGNED);
        assertThat(m.r(1)).isEqualTo(7);
    }

    @Test
    void givenByteAndHalfwordExclusives_whenRun_thenTheyPairWithTheMonitorAndClrexBreaksThePair() {
        TestMachine m = withData("""
                ldrexb r1, [r0]
                strexb r2, r5, [r0]
                ldrexh r3, [r0]
                clrex
                strexh r4, r5, [r0]
                bkpt #0
                """).set(5, 0xEEEE);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(0x50);
        assertThat(m.r(2)).isZero();
        assertThat(m.r(3)).isEqualTo(0x60EE);
        assertThat(m.r(4)).isEqualTo(1);
        assertThat(m.context.word(DATA)).isEqualTo(0x8070_60EE);
    }

    @Test
    void givenUnprivilegedAndHintForms_whenRun_thenLdrtStrtMoveDataAndPreloadsTouchNothing() {
        TestMachine m = withData("""
                ldrt r1, [r0, #4]
                strbt r1, [r0, #8]
                ldrsht r2, [r0, #2]
                pld [r3]
                pld [r3, #-8]
                pli [r3, r0]
                pld 1f
                bkpt #0
            1:  .word 0
                """).set(3, 0x6000_0000);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(0x8171_6151);
        assertThat(m.context.read(DATA + 8, 1)).isEqualTo(0x51);
        assertThat(m.r(2)).isEqualTo(0xFFFF_8070);
    }

    @Test
    void givenABusFaultingLoad_whenStepped_thenTheDestinationKeepsItsValue() {
        TestMachine m = TestMachine.assembled("ldr r1, [r0]\n").set(0, 0x6000_0000).set(1, 3);
        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .satisfies(f -> assertThat(((CpuFault) f).address()).isEqualTo(0x6000_0000));
        assertThat(m.r(1)).isEqualTo(3);
        assertThat(m.pc()).isEqualTo(A);
    }
}
