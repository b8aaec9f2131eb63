package io.blueflash.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.cli.FlashToolMain;
import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.wave.SigrokCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code sim run --vcd FILE} draws the running firmware's GPIO pins and USART lines; sigrok-cli's
 * {@code uart} and {@code timing} decoders read them back and must agree with what the run printed.
 */
class SimRunVcdTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FlashToolMain.run(args, new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, dir, Map.of()));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("given the hello firmware run with --vcd, when sigrok decodes USART1_TX at 115200 8N1, then it reads the text the run printed")
    void givenHelloWithVcd_whenSigrokDecodesUsart1Tx_thenTheTextTheRunPrinted() {
        Path vcd = dir.resolve("hello.vcd");

        Result r = run("sim", "run", FirmwareBuild.app("hello", "elf").toString(), "--until-exit", "--vcd", vcd.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("USART1 TX: hello from the Blue Pill over USART1");
        StringBuilder text = new StringBuilder();
        for (SigrokCli.Annotation a : SigrokCli.decode(vcd, "uart:tx=USART1_TX:baudrate=115200", "uart=tx-data")) {
            text.append((char) Integer.parseInt(a.text(), 16));
        }
        assertThat(text.toString()).isEqualTo("hello from the Blue Pill over USART1\r\n");
    }

    @Test
    @DisplayName("given blink run for 550 ms with --vcd, when sigrok times PC13, then it sees the run's edges 100 ms apart")
    void givenBlinkWithVcd_whenSigrokTimesPc13_thenTheRunsEdges() throws Exception {
        Path vcd = dir.resolve("blink.vcd");

        Result r = run("sim", "run", FirmwareBuild.app("blink", "elf").toString(), "--for", "550ms", "--vcd", vcd.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        long printedEdges = Pattern.compile("\\] PC13: ").matcher(r.out()).results().count();
        assertThat(printedEdges).isBetween(5L, 6L);
        // sigrok's timing decoder: one "time" annotation per interval between two edges of PC13
        List<SigrokCli.Annotation> intervals = SigrokCli.decode(vcd, "timing:data=PC13", "timing=time");
        assertThat(intervals).hasSize((int) printedEdges - 1);
        assertThat(intervals).extracting(SigrokCli.Annotation::text).allMatch(t -> t.startsWith("100.0") && t.contains(" ms"));
        assertThat(Files.readString(vcd)).contains("$var wire 1 ", " PA9 $end", " PC13 $end", " USART1_TX $end")
                .doesNotContain(" PC0 $end");
    }
}
