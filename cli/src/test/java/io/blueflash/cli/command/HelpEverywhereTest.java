package io.blueflash.cli.command;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.FlashToolMain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 12: every usage error points at COMMAND --help, so every command answers it. */
class HelpEverywhereTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecordingOperations ops = new RecordingOperations();

    private int run(String line) {
        CliEnvironment env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, Path.of("/home/u"), Map.of());
        return FlashToolMain.run(line.split(" +"), env, ops.factory());
    }

    @ParameterizedTest
    @ValueSource(strings = {"write", "read", "erase", "verify", "reset", "info", "probes", "option-bytes", "sim",
            "sim serve", "bench"})
    void givenSubcommand_whenHelpAsked_thenUsageOnStdoutAndExit0WithoutRunningIt(String command) {
        int code = run(command + " --help");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: blueflash " + command);
        assertThat(ops.calls).isEmpty();
    }

    @Test
    void givenStFlashGrammar_whenWriteHelpAsked_thenUsage() {
        assertThat(run("--st-flash write --help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: st-flash write");
    }

    @Test
    void givenMistypedCommand_whenRun_thenDidYouMeanAndTheHelpHint() {
        assertThat(run("wrte fw.bin 0x08000000")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("did you mean: write")
                .contains("usage: blueflash --help");
    }

    @Test
    void givenUsageErrorInSubcommand_whenRun_thenTheHintNamesAHelpThatWorks() {
        assertThat(run("read out.bin")).isEqualTo(1);
        String hint = err.toString(StandardCharsets.UTF_8);
        assertThat(hint).contains("usage: blueflash read --help");
        out.reset();
        assertThat(run("read --help")).isZero();
    }
}
