package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GangProgressViewTest {

    @Test
    void givenTwoTargetsOnATerminal_whenBothProgress_thenOneLineEachRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        GangProgressBoard board = new GangProgressBoard(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> now[0]);
        ProgressView one = board.row("sim#1");
        ProgressView two = board.row("sim:stm32f103cb#2");

        one.phaseStarted("program", 2048);
        now[0] += 200_000_000L;
        two.phaseStarted("program", 4096);
        now[0] += 200_000_000L;
        one.phaseProgressed("program", 1024, 2048);
        board.finish(1, "written");
        String text = bytes.toString(StandardCharsets.UTF_8);

        String last = text.substring(text.lastIndexOf("\033[2A") + 4);
        assertThat(last).isEqualTo("\r\033[K[sim#1]             program  [##########----------]  50% 1.0 KiB/2.0 KiB\n"
                + "\r\033[K[sim:stm32f103cb#2] written\n");
        assertThat(text).as("the first drawing moves no cursor").startsWith("\r\033[K[sim#1]");
    }

    @Test
    void givenUpdatesWithinTheRedrawInterval_whenDrawn_thenOnlyTheFirstIsDrawnUntilAnEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GangProgressBoard board = new GangProgressBoard(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> 0L);
        ProgressView one = board.row("a");
        one.phaseStarted("verify", 100);
        for (int i = 1; i <= 100; i++) {
            one.phaseProgressed("verify", i, 100);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text.split("\n", -1)).as("one drawing: the clock did not move").hasSize(2);
        board.finish(0, "written");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r\033[K[a] written\n");
    }

    @Test
    void givenPipedOutput_whenTwoTargetsReport_thenWholeLinesPrefixedWithTheTarget() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GangProgressLines lines = new GangProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        ProgressView one = lines.row("sim#1");
        ProgressView two = lines.row("sim#2");

        one.phaseStarted("erase", 1024);
        two.note("chip: STM32F1xx");
        one.phaseFinished("erase", 1024);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("[sim#1] erase: 1024 bytes ...",
                "[sim#2] chip: STM32F1xx", "[sim#1] erase: done (1.0 KiB)");
    }
}
