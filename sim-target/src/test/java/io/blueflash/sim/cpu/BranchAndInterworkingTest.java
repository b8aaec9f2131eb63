package io.blueflash.sim.cpu;

import static io.blueflash.sim.cpu.CoreState.LR;
import static io.blueflash.sim.cpu.CoreState.SP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every branch form, interworking (INVSTATE on T = 0) and the EXC_RETURN trigger. */
class BranchAndInterworkingTest {

    private static final int A = TestMachine.ORIGIN;

    @Test
    void givenNearAndFarBranchesBothWays_whenRun_thenEachLandsOnItsLabel() {
        TestMachine m = TestMachine.assembled("""
                b 1f
                bkpt #9
            1:  b.w 2f
                bkpt #9
            3:  movs r0, #3
                bl 5f
                bkpt #0
            2:  .space 3000
                cmp r0, #0
                beq.w 3b
                bkpt #9
            5:  adds r0, #1
                bx lr
                """).set(0, 0);

        m.runToBreakpoint();

        assertThat(m.context.breakpoints).containsExactly(0);
        assertThat(m.r(0)).isEqualTo(4);
    }

    @Test
    void givenAFarBlIntoHighMemory_whenRun_thenLrHoldsTheReturnAddressWithBit0() {
        TestMachine m = TestMachine.assembled("""
                bl 1f
                bkpt #0
                .space 40000
            1:  mov r0, lr
                bx lr
                """);
        m.runToBreakpoint();
        assertThat(m.r(0)).isEqualTo(A + 4 + 1);
        assertThat(m.pc()).isEqualTo(A + 4);
    }

    @ParameterizedTest(name = "given r0 = {0}, when CBZ/CBNZ run, then r1 = {1}")
    @CsvSource({"0, 10", "1, 20"})
    void givenCbzAndCbnz_whenRun_thenTheyBranchOnZeroOrNonZero(int r0, int r1) {
        TestMachine m = TestMachine.assembled("""
                cbz r0, 1f
                cbnz r0, 2f
                bkpt #9
            1:  movs r1, #10
                bkpt #0
                .space 100
            2:  movs r1, #20
                bkpt #0
                """).set(0, r0);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(r1);
    }

    @ParameterizedTest(name = "given case {0}, when a TBB switch runs, then it reaches the case body")
    @ValueSource(ints = {0, 1, 2, 3})
    void givenASwitchThroughTbb_whenRun_thenEachCaseIsReached(int value) {
        TestMachine m = TestMachine.assembled("""
                tbb [pc, r0]
            0:  .byte (10f - 0b) / 2, (11f - 0b) / 2, (12f - 0b) / 2, (13f - 0b) / 2
            10: movs r1, #100
                bkpt #0
            11: movs r1, #101
                bkpt #0
            12: movs r1, #102
                bkpt #0
            13: movs r1, #103
                bkpt #0
                """).set(0, value);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(100 + value);
    }

    @Test
    void givenATbhTableInAnotherRegister_whenRun_thenTheHalfwordEntryCounts() {
        TestMachine m = TestMachine.assembled("""
                adr r2, 0f
                tbh [r2, r0, lsl #1]
                nop
                nop
            0:  .hword 0, (1f - 3f) / 2
            3:  bkpt #9
                .space 600
            1:  movs r1, #55
                bkpt #0
                """).set(0, 1);
        m.runToBreakpoint();
        assertThat(m.r(1)).isEqualTo(55);
    }

    @Test
    void givenBlxRegister_whenRun_thenLrIsTheNextInstructionWithBit0() {
        TestMachine m = TestMachine.assembled("""
                adr r3, 1f + 1
                blx r3
                bkpt #0
                .align 2
            1:  mov r0, lr
                bx lr
                """);
        m.runToBreakpoint();
        assertThat(m.r(0)).isEqualTo(A + 6 + 1);
    }

    @ParameterizedTest(name = "given {0} to an even address, when it runs, then T = 0 and the next step faults INVSTATE")
    @ValueSource(strings = {"bx r3", "blx r3", "pop {pc}", "ldr pc, [sp]", "ldmia sp, {r0, pc}"})
    void givenAnInterworkingBranchToAnEvenAddress_whenStepped_thenTheNextInstructionFaultsInvstate(String branch) {
        TestMachine m = TestMachine.assembled(branch + "\n");
        m.set(3, A + 0x100);
        m.context.write(m.r(SP), 4, A + 0x100);
        m.context.write(m.r(SP) + 4, 4, A + 0x100);

        m.step();

        assertThat(m.state.thumb).isFalse();
        assertThat(m.pc()).isEqualTo(A + 0x100);
        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.INVSTATE);
        assertThat(m.pc()).as("the fault is taken at the target").isEqualTo(A + 0x100);
    }

    @ParameterizedTest(name = "given Handler mode, when {0} loads 0xFFFFFFF9, then the exception return starts")
    @ValueSource(strings = {"bx lr", "pop {r4, pc}", "ldr pc, [sp], #8", "ldmia sp!, {r4, pc}", "ldr.w pc, [sp, #4]"})
    void givenHandlerMode_whenAnExcReturnValueReachesThePc_thenTheContextReturnsFromTheException(String instruction) {
        TestMachine m = TestMachine.assembled(instruction + "\n");
        m.state.setIpsr(15);
        m.set(LR, 0xFFFF_FFF9);
        int sp = m.r(SP);
        m.context.write(sp, 4, 0xFFFF_FFF9);
        m.context.write(sp + 4, 4, 0xFFFF_FFF9);

        m.step();

        assertThat(m.context.exceptionReturns).containsExactly(0xFFFF_FFF9);
        if (instruction.contains("!") || instruction.contains("pop") || instruction.contains("], #8")) {
            assertThat(m.r(SP)).as("write-back happens before the return unstacks").isEqualTo(sp + 8);
        }
    }

    @Test
    void givenThreadMode_whenBxLrWithAnExcReturnValue_thenItIsAPlainBranch() {
        TestMachine m = TestMachine.assembled("bx lr\n").set(LR, 0xFFFF_FFF9);
        m.step();
        assertThat(m.context.exceptionReturns).isEmpty();
        assertThat(m.pc()).isEqualTo(0xFFFF_FFF8);
        assertThat(m.state.thumb).isTrue();
    }

    @Test
    void givenHandlerMode_whenMovPcLrWithAnExcReturnValue_thenItIsNotAnExceptionReturn() {
        TestMachine m = TestMachine.assembled("mov pc, lr\n").set(LR, 0xFFFF_FFF9);
        m.state.setIpsr(15);
        m.step();
        assertThat(m.context.exceptionReturns).isEmpty();
        assertThat(m.pc()).isEqualTo(0xFFFF_FFF8);
    }

    @Test
    void givenThumbClearAtEntry_whenStepped_thenInvstateBeforeAnyFetch() {
        TestMachine m = TestMachine.halfwords(0xBF00);
        m.state.thumb = false;
        assertThatThrownBy(m::step).isInstanceOf(CpuFault.class)
                .extracting(f -> ((CpuFault) f).kind()).isEqualTo(CpuFault.Kind.INVSTATE);
        assertThat(m.pc()).isEqualTo(A);
    }

    @Test
    void givenSvc_whenStepped_thenThePcIsTheNextInstructionWhenTheContextIsCalled() {
        TestMachine m = TestMachine.assembled("svc #42\nnop\n");
        m.step();
        assertThat(m.context.supervisorCalls).containsExactly(42);
        assertThat(m.context.pcAtSupervisorCall).isEqualTo(A + 2);
    }

    @Test
    void givenBkpt_whenTheContextContinues_thenThePcMovesPastItElseItStays() {
        TestMachine m = TestMachine.assembled("bkpt #0xab\nbkpt #1\n");
        m.context.breakpointContinues = true;
        m.step();
        assertThat(m.pc()).isEqualTo(A + 2);
        m.context.breakpointContinues = false;
        m.step();
        assertThat(m.pc()).isEqualTo(A + 2);
        assertThat(m.context.breakpoints).containsExactly(0xAB, 1);
    }

    @Test
    void givenHints_whenRun_thenWfiWfeSevReachTheContextAndOthersAreNops() {
        TestMachine m = TestMachine.assembled("""
                wfi
                wfe
                sev
                yield
                nop
                wfi.w
                sev.w
                .hword 0xbf50
                .hword 0xf3af, 0x80f5
                .hword 0xf3af, 0x8007
                bkpt #0
                """);
        m.runToBreakpoint();
        assertThat(m.context.events).containsExactly("WFI", "WFE", "SEV", "WFI", "SEV");
    }
}
