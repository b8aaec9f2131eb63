package io.blueflash.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void givenOneFastScenario_whenBench_thenHeaderRowAndLimitsPrinted() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setCaseInsensitiveEnumValuesAllowed(true);

        int code = cl.execute("--profile", "stm32f103c8", "--transport", "stlink_v3", "--scenario", "mass_erase",
                "--no-warmup", "--no-swd-count");

        String text = out.toString();
        assertThat(code).as(text).isZero();
        assertThat(text.lines().findFirst()).hasValueSatisfying(h -> assertThat(h)
                .startsWith("scenario").contains("sim s", "limit s", "ratio", "wall s", "host/sim", "USB", "SWD"));
        assertThat(text).contains("mass erase", "stm32f103c8", "stlink-v3@24MHz", "MER", "Limits: write = erase");
    }
}
