package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    @Test
    void givenHalfDone_whenRendered_thenHalfBarAndSizes() {
        assertThat(TerminalProgressBar.render("program", 32 * 1024, 64 * 1024))
                .isEqualTo("program  [###############---------------]  50% 32.0 KiB/64.0 KiB");
    }

    @Test
    void givenManySmallSteps_whenDrawnOnTerminal_thenRedrawnOncePerPercentAndLineEnded() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bar.phaseStarted("erase", 1000);
        for (int done = 1; done <= 1000; done++) {
            bar.phaseProgressed("erase", done, 1000);
        }
        bar.phaseFinished("erase", 1000);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(102);
        assertThat(text).endsWith("] 100%  1.0 KiB/1.0 KiB\n")
                .doesNotContain("\u001b");
    }

    @Test
    void givenPipedOutput_whenPhaseRuns_thenTwoPlainLinesWithoutCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PlainProgressLines lines = new PlainProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        lines.phaseStarted("program", 2048);
        lines.phaseProgressed("program", 1024, 2048);
        lines.phaseFinished("program", 2048);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("program: 2048 bytes ...", "program: done (2.0 KiB)");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }
}
