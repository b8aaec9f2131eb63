package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    @Test
    void givenHalfDoneInTwoSeconds_whenRendered_thenHalfBarSizesRateElapsedAndEta() {
        assertThat(TerminalProgressBar.render("program", 32 * 1024, 64 * 1024, 2_000_000_000L))
                .isEqualTo("program  [###############---------------]  50% 32.0 KiB/64.0 KiB  16.0 KiB/s  0:02 ETA 0:02");
    }

    @Test
    void givenSlowPhase_whenDrawn_thenEtaFollowsTheClockPerPhase() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {5_000_000_000L};
        TerminalProgressBar bar = new TerminalProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> now[0]);
        bar.phaseStarted("erase", 100 * 1024);
        now[0] += 10_000_000_000L;
        bar.phaseProgressed("erase", 10 * 1024, 100 * 1024);
        now[0] += 90_000_000_000L;
        bar.phaseFinished("erase", 100 * 1024);
        bar.phaseStarted("program", 1024);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).contains(" 1.0 KiB/s  0:10 ETA 1:30").contains("100% 100.0 KiB/100.0 KiB  1.0 KiB/s  1:40 ETA 0:00")
                .endsWith("program  [------------------------------]   0%  0.0 KiB/1.0 KiB  0:00");
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
        assertThat(text).containsPattern("\\] 100%  1\\.0 KiB/1\\.0 KiB .*\n$")
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
