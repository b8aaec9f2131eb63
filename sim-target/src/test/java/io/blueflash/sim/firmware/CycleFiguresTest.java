package io.blueflash.sim.firmware;

import io.blueflash.sim.run.RunOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle model seen by firmware: {@code cycles.elf} times loops with DWT CYCCNT (cycles per 1000
 * iterations). From SRAM, and from flash at 0 wait states, the counts are the Cortex-M3 TRM Table 3-1
 * sums with P = 2 (docs/sim.md works them out); from flash at 72 MHz with 2 wait states and the
 * prefetch buffer, every taken branch discards the buffered lines and waits LATENCY for its target's
 * line (RM0008 §3.3.3; ST: a jump invalidates the prefetch buffer), even inside one 64-bit line, and
 * a loop that crosses a line pays the wait states twice: for the line the branch goes back to, and for
 * the rest of the next line's read, which the prefetch buffer only starts once the first line arrived.
 */
class CycleFiguresTest {

    private static final Map<String, Integer> FIGURES = new HashMap<>();
    private static String console;

    @BeforeAll
    static void runCyclesFirmware() {
        FirmwareOnChip run = FirmwareOnChip.run(FirmwareBuild.app("cycles", "elf"), 1_000_000_000L);
        console = run.console();
        assertThat(run.outcome()).as(run.describe()).isInstanceOf(RunOutcome.Exited.class);
        console.lines().filter(l -> l.startsWith("CYCLES ")).map(l -> l.split(" "))
                .forEach(p -> FIGURES.put(p[1] + " " + p[2] + " " + p[3], Integer.parseInt(p[4])));
        System.out.print(console);
    }

    private static int figure(String key) {
        assertThat(FIGURES).as(console).containsKey(key);
        return FIGURES.get(key);
    }

    @Test
    void givenLoopsInSramAtZeroWaitStates_whenTimedWithCyccnt_thenTheyCostTheTrmTableSums() {
        assertThat(figure("8MHz-0WS sram subs-bne")).as("SUBS 1 + taken BNE 1+P").isEqualTo(4000);
        assertThat(figure("8MHz-0WS sram subs-bne-split")).isEqualTo(4000);
        assertThat(figure("8MHz-0WS sram ldr-subs-bne")).as("LDR 2 + SUBS 1 + BNE 3").isEqualTo(6000);
        assertThat(figure("8MHz-0WS sram ldr-ldr-subs-bne")).as("LDR 2 + paired LDR 1 + 1 + 3").isEqualTo(7000);
        assertThat(figure("8MHz-0WS sram muls-subs-bne")).as("MULS 1 + 1 + 3").isEqualTo(5000);
        assertThat(figure("72MHz-2WS sram subs-bne")).as("SRAM has no wait states at any clock").isEqualTo(4000);
    }

    @Test
    void givenLoopsInFlashAtZeroWaitStates_whenTimed_thenTheSameAsSram() {
        for (String loop : new String[] {"subs-bne", "subs-bne-split", "ldr-subs-bne", "ldr-ldr-subs-bne", "muls-subs-bne"}) {
            assertThat(figure("8MHz-0WS flash " + loop)).as(loop).isEqualTo(figure("8MHz-0WS sram " + loop));
        }
    }

    @Test
    void givenLoopsInFlashAt72MHzTwoWaitStates_whenTimed_thenEveryTakenBranchPaysTheWaitStates() {
        assertThat(figure("72MHz-2WS flash subs-bne"))
                .as("loop inside one 64-bit line: 4 + LATENCY, the branch re-reads the line it jumps to").isEqualTo(6000);
        assertThat(figure("72MHz-2WS flash subs-bne-split"))
                .as("loop across two lines: 4 + LATENCY (branch target line) + LATENCY + 1 - 1 (next line, prefetched"
                        + " after the first arrived, while SUBS ran)").isEqualTo(8000);
        for (String loop : new String[] {"ldr-subs-bne", "ldr-ldr-subs-bne", "muls-subs-bne"}) {
            assertThat(figure("72MHz-2WS flash " + loop)).as(loop + ": the SRAM sum + LATENCY for the taken branch")
                    .isEqualTo(figure("72MHz-2WS sram " + loop) + 2 * 1000);
        }
    }
}
