package io.blueflash.gdbserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.firmware.FirmwareBuild;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Debian's gdb-multiarch, unmodified, debugs {@code firmware/apps/gdbtest.c} (built -O0 -g by the
 * test run) on the simulated Blue Pill through the gdb server, with the lines a user types against
 * st-util: load, break, continue, next, step, finish, print, watch, a breakpoint in SRAM code,
 * monitor reset halt, compare-sections, and the firmware's semihosting printf in gdb's console.
 */
@Timeout(300)
class GdbMultiarchSessionTest {

    @Test
    void givenGdbtestLoaded_whenGdbBreaksStepsFinishesWatchesAndResets_thenItSeesTheFirmwareAsOnABoard() {
        Path elf = FirmwareBuild.app("gdbtest", "elf");
        try (SimulatedBluePill pill = new SimulatedBluePill()) {
            FirmwareBuild.Run run = GdbBatch.run(elf, List.of("target extended-remote " + pill.target(), "load",
                    "break main", "continue", "next", "next", "next", "step", "finish", "next", "print local_total",
                    "watch watched_counter", "continue", "delete", "break ram_twice", "continue", "bt",
                    "info registers", "monitor reset halt", "flushregs", "print/x $pc", "compare-sections", "detach"));
            String output = run.output();
            assertThat(output).as(output + "\nserver log:\n" + pill.log())
                    .contains("Breakpoint 1, main ()")
                    .contains("hello from the Blue Pill: 2 + 3 = 5")
                    .contains("square_plus (value=5, extra=3)")
                    .contains("Value returned is $1 = 28")
                    .contains("$2 = 28")
                    .contains("Hardware watchpoint 2: watched_counter", "Old value = 0", "New value = 1")
                    .contains("Breakpoint 3, ram_twice (value=1)")
                    .containsPattern("(?m)^pc\\s+0x2000")
                    .contains("halted at the reset vector")
                    .contains("matched.")
                    .doesNotContain("MIS-MATCHED")
                    .doesNotContain("Remote failure");
            assertThat(run.exitCode()).isZero();
            assertThat(pill.log()).contains("verified");
        }
    }

    @Test
    void givenTheSameImageLoadedTwice_whenTheSecondLoadRuns_thenEveryPageIsSkippedAsUnchanged() {
        Path elf = FirmwareBuild.app("gdbtest", "elf");
        try (SimulatedBluePill pill = new SimulatedBluePill()) {
            FirmwareBuild.Run first = GdbBatch.run(elf, List.of("target extended-remote " + pill.target(), "load", "detach"));
            FirmwareBuild.Run second = GdbBatch.run(elf, List.of("target extended-remote " + pill.target(), "load",
                    "compare-sections", "detach"));
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(second.output()).as(second.output()).contains("matched.").doesNotContain("MIS-MATCHED");
            assertThat(pill.log()).as("sessions one after another; the second load skips every page")
                    .containsPattern("load: \\d+ bytes in \\d segment\\(s\\): [1-9]\\d* page\\(s\\) programmed, 0 unchanged")
                    .containsPattern("load: \\d+ bytes in \\d segment\\(s\\): 0 page\\(s\\) programmed, [1-9]\\d* unchanged");
            assertThat(pill.server.sessions()).isEqualTo(2);
        }
    }

    @Test
    void givenSemihostingToStdout_whenTheFirmwarePrints_thenGdbDoesNotShowIt() {
        Path elf = FirmwareBuild.app("gdbtest", "elf");
        try (SimulatedBluePill pill = new SimulatedBluePill(SemihostingOutput.STDOUT)) {
            FirmwareBuild.Run run = GdbBatch.run(elf, List.of("target extended-remote " + pill.target(), "load",
                    "break square_plus", "continue", "detach"));
            assertThat(run.output()).as(run.output()).contains("Breakpoint 1, square_plus")
                    .doesNotContain("hello from the Blue Pill");
        }
    }
}
