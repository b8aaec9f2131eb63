package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Core cycles at zero wait states against the Cortex-M3 TRM Table 3-1 and the F103 SRAM loop. */
class CycleCountTest {

    private static long cyclesOf(String source, int... registers) {
        TestMachine m = TestMachine.assembled(source + "\nbkpt #0\n");
        for (int i = 0; i < registers.length; i++) {
            m.set(i, registers[i]);
        }
        m.runToBreakpoint();
        return m.cycles - CycleModel.HINT; // without the closing BKPT
    }

    @Test
    void givenTheSubsBhiLoop_whenRunFromSram_thenEachIterationTakesFourCycles() {
        long cycles = cyclesOf("1: subs r0, #1\nbhi 1b", 1000);
        // 999 taken iterations of 1 + (1 + P) and a last one whose BHI falls through (1 + 1)
        assertThat(cycles).isEqualTo(999 * 4 + 2);
    }

    @ParameterizedTest(name = "given {0}, when run, then {1} cycles") // "/" separates instructions
    @CsvSource(delimiter = ';', value = {
        "adds r1, r2, r3; 1",
        "mov.w r1, #0x1000; 1",
        "b 1f/1:; 3",
        "bl 1f/1:; 3",
        "ldr r1, [r4]; 2",
        "ldr r1, [r4]/ldr r2, [r4, #4]; 3",
        "ldr r1, [r4]/ldr r2, [r4, #4]/ldr r3, [r4, #8]; 4",
        "ldr r1, [r4]/ldr r2, [r1]; 4",
        "ldr r1, [r4]/str r2, [r4, #4]; 3",
        "str r1, [r4]; 1",
        "str r1, [r4, r5]; 2",
        "ldmia r4, {r1, r2, r3}; 4",
        "stmia r4!, {r0-r3, r5-r7, r8}; 9",
        "push {r4, lr}/pop {r4, pc}/1:; 3",
        "ldrd r0, r1, [r4]; 3",
        "mul r1, r2, r3; 1",
        "mla r1, r2, r3, r1; 2",
        "mls r1, r2, r3, r1; 2",
        "cmp r0, r0/bne 1f/1:; 2",
        "cbz r0, 1f/nop/1:; 2",
        "cbnz r0, 1f/nop/1:; 3",
        "ldr r1, [r4, #1]; 4",
        "ldrh r1, [r4, #1]; 3",
        "ldr r1, [r4, #2]; 3",
        "it eq/moveq r0, r0; 2"})
    void givenATableRow_whenRun_thenItTakesTheTrmCycles(String source, long expected) {
        int ram = TestContext.SRAM + 0x4000;
        long cycles = source.startsWith("push")
                ? pushPopCycles()
                : cyclesOf(source.replace('/', '\n'), 1, ram, 2, 3, ram, 8);
        assertThat(cycles).isEqualTo(expected);
    }

    /** PUSH {r4, lr} = 1 + 2; POP {r4, pc} = 1 + 2 + P. */
    private static long pushPopCycles() {
        TestMachine m = TestMachine.assembled("push {r4, lr}\npop {r4, pc}\n");
        m.set(CoreState.LR, TestMachine.ORIGIN + 0x41);
        m.step();
        long push = m.cycles;
        m.step();
        assertThat(m.cycles - push).isEqualTo(1 + 2 + CycleModel.P);
        return push;
    }

    @Test
    void givenDivides_whenOperandsVary_thenCyclesStayInTheTrmRangeAndGrowWithTheQuotient() {
        long small = cyclesOf("udiv r2, r0, r1", 5, 70);
        long full = cyclesOf("udiv r2, r0, r1", -1, 1);
        long middle = cyclesOf("sdiv r2, r0, r1", 1 << 16, -3);
        assertThat(small).isEqualTo(2);
        assertThat(full).isEqualTo(12);
        assertThat(middle).isBetween(small + 1, full - 1);
        assertThat(cyclesOf("udiv r2, r0, r1", 5, 0)).isEqualTo(2);
    }

    @Test
    void givenLongMultiplies_whenOperandsVary_thenCyclesFollowEarlyTermination() {
        assertThat(cyclesOf("umull r2, r3, r0, r1", -1, 100)).isEqualTo(3);
        assertThat(cyclesOf("umull r2, r3, r0, r1", -1, 0x10000)).isEqualTo(4);
        assertThat(cyclesOf("smull r2, r3, r0, r1", -1, -100)).isEqualTo(4);
        assertThat(cyclesOf("smull r2, r3, r0, r1", -1, 1 << 20)).isEqualTo(5);
        assertThat(cyclesOf("umlal r2, r3, r0, r1", -1, 10)).isEqualTo(4);
        assertThat(cyclesOf("umlal r2, r3, r0, r1", -1, 1000)).isEqualTo(5);
        assertThat(cyclesOf("umlal r2, r3, r0, r1", -1, -1)).isEqualTo(6);
        assertThat(cyclesOf("smlal r2, r3, r0, r1", -1, -1 << 30)).isEqualTo(7);
    }
}
