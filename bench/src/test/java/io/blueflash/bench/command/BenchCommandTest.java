package io.blueflash.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void givenOneFastScenario_whenBench_thenHeaderRowAndLimitsPrinted() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand(String::valueOf));
        cl.setOut(new PrintWriter(out));

        int code = cl.execute("--profile", "stm32f103c8", "--transport", "STLink-V3@24MHz", "--scenario", "mass_erase",
                "--no-warmup", "--no-swd-count", "--no-rss", "--startup-runs", "0");

        String text = out.toString();
        assertThat(code).as(text).isZero();
        assertThat(text.lines().findFirst()).hasValueSatisfying(h -> assertThat(h)
                .startsWith("scenario").contains("preset", "sim s", "limit s", "limit is", "ratio", "wall s", "host/sim", "USB", "SWD"));
        assertThat(text).contains("mass erase", "stm32f103c8", "stlink-v3@24MHz", "MER", "Limit is: flash = erase");
        assertThat(text.lines().filter(l -> l.startsWith("mass erase")))
                .as("one row per preset, both by default").hasSize(2)
                .allSatisfy(l -> assertThat(l).matches(io.blueflash.bench.BenchReport.ROW));
    }

    @Test
    void givenUnknownTransport_whenBench_thenUsageErrorListsNames() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand(String::valueOf));
        cl.setErr(new PrintWriter(err));

        int code = cl.execute("--transport", "jlink");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown transport 'jlink': use one of sim_direct, stlink_v2_1800khz");
    }

    @Test
    void givenGangTwo_whenBench_thenOneRowPerTargetCountAndNoScenarioTable() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand(String::valueOf));
        cl.setOut(new PrintWriter(out));

        int code = cl.execute("--gang", "2", "--transport", "sim_direct", "--profile", "stm32f103c8");

        String text = out.toString();
        assertThat(code).as(text).isZero();
        assertThat(text).startsWith("Gang write of 64 KB to 1..2 fresh stm32f103c8 boards")
                .containsPattern("(?m)^sim +1 .* 1/1 *$").containsPattern("(?m)^sim +2 .* 2/2 *$")
                .doesNotContain("scenario");
    }
}
