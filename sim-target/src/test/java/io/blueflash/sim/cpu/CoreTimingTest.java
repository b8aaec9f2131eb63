package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cycle counts of the executing core (Cortex-M3 TRM Table 3-1 via the interpreter, exception costs
 * facts §2.3, flash wait states §2.4) and the exact conversion of cycles to simulated time.
 */
class CoreTimingTest {

    /** {@code iterations} passes of subs; bhi, then BKPT; r0 counts down. */
    private static String countdown(int iterations) {
        return SramFirmware.vectors(Map.of()) + """
                reset:
                  ldr r0, =%d
                loop:
                  subs r0, #1
                  bhi loop
                  bkpt #1
                """.formatted(iterations) + SramFirmware.DEFAULT_HANDLER;
    }

    private static long cyclesOf(String source) {
        SramFirmware fw = SramFirmware.boot(source);
        fw.runToHalt(100);
        return fw.chip.core().cycles() - fw.bootCycles;
    }

    @Test
    void givenSubsBhiLoopInSram_whenRun_thenEachIterationTakesFourCycles() {
        long hundred = cyclesOf(countdown(100));
        long thousand = cyclesOf(countdown(1000));

        assertThat(thousand - hundred).isEqualTo(4L * 900);
    }

    @Test
    void givenAnInterruptedLoop_whenTheHandlerOnlyReturns_thenEntryAndReturnCostTwelveCyclesEach() {
        String withIrq = SramFirmware.vectors(Map.of(16, "irq0")) + """
                reset:
                  ldr r7, =0xE000E100
                  movs r1, #1
                  str r1, [r7]               @ ISER0
                  ldr r7, =0xE000E200
                  ldr r0, =100
                loop:
                  cmp r0, #50
                  it eq
                  streq r1, [r7]             @ pend IRQ0 half way
                  subs r0, #1
                  bhi loop
                  bkpt #1
                irq0:
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER;
        String withoutIrq = withIrq.replace("streq r1, [r7]", "nopeq");

        long difference = cyclesOf(withIrq) - cyclesOf(withoutIrq);

        // entry 12 (TRM Table 4-2) + the BX LR that returns, 12 with its unstacking; STREQ and NOPEQ both cost 1
        assertThat(difference).isEqualTo(12 + 12);
    }

    @Test
    void givenSeventyTwoMegahertz_whenOneSecondOfCyclesRuns_thenExactlyOneSecondPassesWithoutDrift() {
        CoreTime time = new CoreTime();
        time.setHz(72_000_000L);
        for (int i = 0; i < 1000; i++) {
            time.cycles += 72_000;
            time.reanchorIfFar();
        }
        assertThat(time.nanos()).isEqualTo(1_000_000_000L);
        time.cycles += 1;
        assertThat(time.nanos()).as("13.888 ns, rounded down").isEqualTo(1_000_000_013L);
        assertThat(time.cycleAt(2_000_000_000L)).isEqualTo(144_000_000L);
    }

    @Test
    void givenHclkChange_whenCyclesRunOnEitherSide_thenTimeAddsUpPerSegment() {
        CoreTime time = new CoreTime();
        time.cycles = 8_000_000;          // 1 s at 8 MHz
        time.setHz(72_000_000L);
        time.cycles += 36_000_000;        // 0.5 s at 72 MHz
        assertThat(time.nanos()).isEqualTo(1_500_000_000L);
    }

    @Test
    void givenBranchToSelf_whenRunningLong_thenTheCoreSkipsToTheTargetCycleExactly() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of()) + """
                reset:
                  b reset
                """ + SramFirmware.DEFAULT_HANDLER);
        long start = fw.chip.core().cycles();

        fw.chip.runFor(2_000_000_000L); // 2 s of simulated time

        long ran = fw.chip.core().cycles() - start;
        assertThat(ran).as("2 s at 8 MHz, in whole 3-cycle iterations").isBetween(16_000_000L, 16_000_000L + 3);
    }
}
