package io.blueflash.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.FlashToolMain;
import io.blueflash.model.ConnectMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Both grammars (blueflash's and st-flash's, DESIGN §4) down to the operation they ask for,
 * including the tutorial lines of stlink's doc/tutorial.md verbatim.
 */
class CommandLineGrammarTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecordingOperations ops = new RecordingOperations();

    private int run(String line) {
        CliEnvironment env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, Path.of("/home/u"), Map.of());
        return FlashToolMain.run(line.split(" +"), env, ops.factory());
    }

    private int stFlash(String line) {
        return run("--st-flash " + line.replaceFirst("^st-flash ", ""));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenTutorialWrite_whenParsedAsStFlash_thenWriteAtFlashBase() {
        assertThat(stFlash("st-flash write my_firmware.bin 0x08000000")).isZero();
        assertThat(ops.calls).containsExactly("write my_firmware.bin 0x08000000");
        assertThat(ops.stFlashStyle).isTrue();
        assertThat(ops.settings.resetAfter()).isFalse();
    }

    @Test
    void givenResetBeforeOrAfterTheCommand_whenParsed_thenResetRequestedEitherWay() {
        assertThat(stFlash("st-flash --reset write my_firmware.bin 0x08000000")).isZero();
        assertThat(ops.settings.resetAfter()).isTrue();
        assertThat(stFlash("st-flash write my_firmware.bin 0x8000000 --reset")).isZero();
        assertThat(ops.settings.resetAfter()).isTrue();
        assertThat(ops.calls).containsExactly("write my_firmware.bin 0x08000000", "write my_firmware.bin 0x08000000");
    }

    @Test
    void givenTutorialRead_whenParsed_thenAddressAndSize() {
        assertThat(stFlash("st-flash read output.bin 0x08000000 4096")).isZero();
        assertThat(stFlash("st-flash read output.bin 0x8000000 0x1000")).isZero();
        assertThat(ops.calls).containsExactly("read output.bin 0x08000000 4096", "read output.bin 0x08000000 4096");
    }

    @Test
    void givenBareErase_whenParsed_thenMassErase() {
        assertThat(stFlash("st-flash erase")).isZero();
        assertThat(ops.calls).containsExactly("erase - -");
    }

    @Test
    void givenFlashSizeOverride_whenParsed_thenBytes() {
        assertThat(stFlash("st-flash --flash=128k write fw.bin 0x8000000")).isZero();
        assertThat(ops.settings.flashSize()).isEqualTo(OptionalLong.of(128 * 1024));
        assertThat(ops.calls).containsExactly("write fw.bin 0x08000000");
    }

    @Test
    void givenEveryStFlashOption_whenParsed_thenAllSettingsCarried() {
        assertThat(stFlash("st-flash --debug --reset --connect-under-reset --opt --serial 0123ABC --format ihex "
                + "--flash=0x20000 --freq=4M write fw.hex")).isZero();
        GlobalSettings s = ops.settings;
        assertThat(s.debug()).isTrue();
        assertThat(s.resetAfter()).isTrue();
        assertThat(s.connectMode()).isEqualTo(ConnectMode.UNDER_RESET);
        assertThat(s.trimErased()).isTrue();
        assertThat(s.serial()).contains("0123ABC");
        assertThat(s.format()).contains("ihex");
        assertThat(s.flashSize()).isEqualTo(OptionalLong.of(0x20000));
        assertThat(s.frequencyKhz()).isEqualTo(OptionalInt.of(4000));
        assertThat(ops.calls).containsExactly("write fw.hex -");
    }

    @Test
    void givenHotPlug_whenParsed_thenHotPlugMode() {
        assertThat(stFlash("st-flash --hot-plug reset")).isZero();
        assertThat(ops.settings.connectMode()).isEqualTo(ConnectMode.HOT_PLUG);
        assertThat(ops.calls).containsExactly("reset");
    }

    @Test
    void givenBlueflashGlobalOptions_whenParsed_thenProbeAndStateAndOutputModes() {
        assertThat(run("--probe sim:stm32f103cb --sim-state /tmp/s.state --json --trace write examples/blink.bin 0x08000000"))
                .isZero();
        GlobalSettings s = ops.settings;
        assertThat(s.probe()).contains("sim:stm32f103cb");
        assertThat(s.simState()).contains(Path.of("/tmp/s.state"));
        assertThat(s.json()).isTrue();
        assertThat(s.trace()).isEqualTo(TraceChoice.FULL_ON_STDERR);
        assertThat(s.progress()).as("--json turns progress off").isFalse();
        assertThat(ops.stFlashStyle).isFalse();
    }

    @Test
    void givenEachCommand_whenParsed_thenMatchingOperation() {
        run("verify fw.hex");
        run("erase 0x08000400 1024");
        run("erase 0x08000400 100 --allow-page-rounding");
        run("reset --hard");
        run("info chipid flash");
        run("info --descr");
        run("probes");
        run("option-bytes");
        assertThat(ops.calls).containsExactly("verify fw.hex -", "erase 0x08000400 1024", "erase 0x08000400 100 rounding",
                "reset hard", "info [CHIPID, FLASH]", "info [DESCR]", "probes", "option-bytes");
    }

    @Test
    void givenTodaysBareTrace_whenFollowedByTheFile_thenTheFileIsNotTakenAsTheTraceValue() {
        assertThat(run("--probe sim write --trace fw.bin 0x08000000")).isZero();

        assertThat(ops.settings.trace()).isEqualTo(TraceChoice.FULL_ON_STDERR);
        assertThat(ops.calls).containsExactly("write fw.bin 0x08000000");
    }

    @Test
    void givenTraceWithAttachedValue_whenParsed_thenLevelAndFile() {
        run("--trace=ops:teach.txt write fw.bin 0x08000000");

        assertThat(ops.settings.trace()).isEqualTo(new TraceChoice(true, TraceChoice.Level.OPS,
                java.util.Optional.of(Path.of("teach.txt"))));
        assertThat(ops.calls).containsExactly("write fw.bin 0x08000000");
    }

    @Test
    void givenFlashMapOption_whenWriteEraseVerify_thenEachCarriesTheFileAndReadRefusesIt() {
        run("write fw.bin 0x08000000 --flash-map w.svg");
        run("erase --flash-map e.svg");
        run("verify fw.hex --flash-map v.svg");

        assertThat(ops.calls).containsExactly("write fw.bin 0x08000000 --flash-map w.svg", "erase - - --flash-map e.svg",
                "verify fw.hex - --flash-map v.svg");
        assertThat(run("read out.bin 0x08000000 16 --flash-map r.svg")).isEqualTo(1);
    }

    @Test
    void givenMalformedAddress_whenParsed_thenUsageErrorNamesTheText() {
        assertThat(run("--probe sim write fw.bin 0x08zz")).isEqualTo(1);
        assertThat(errText()).contains("'0x08zz' is not a valid address").contains("hint: usage: blueflash write --help");
        assertThat(ops.calls).isEmpty();
    }

    @Test
    void givenUnknownCommand_whenParsed_thenUsageError() {
        assertThat(run("flash fw.bin")).isEqualTo(1);
        assertThat(errText()).contains("error: Unmatched arguments");
    }

    @Test
    void givenNoCommand_whenRun_thenUsageShownAndExitOne() {
        assertThat(run("--probe sim")).isEqualTo(1);
        assertThat(errText()).contains("Usage: blueflash").contains("write").contains("Exit codes:");
    }

    @Test
    void givenUnknownInfoField_whenRun_thenUsageErrorListsFields() {
        assertThat(run("info speed")).isEqualTo(1);
        assertThat(errText()).contains("unknown info field 'speed': use probe, chipid, flash, descr or serial");
    }

    @Test
    void givenJsonAndUsageError_whenRun_thenOneJsonDocumentOnStdout() {
        assertThat(run("--json read out.bin 0x08000000")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).trim())
                .startsWith("{\"ok\":false,\"exitCode\":1,\"exitReason\":\"USAGE\",\"error\":{\"message\":\"Missing required parameter")
                .endsWith("}");
    }

    @Test
    void givenVersion_whenRun_thenVersionPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("blueflash ");
    }

    @Test
    void givenStInfoQuestions_whenRunThroughTheStInfoSwitch_thenAskedInStInfosOrder() {
        assertThat(run("--st-info --chipid --flash --connect-under-reset")).isZero();
        assertThat(run("--st-info --probe")).isZero();
        assertThat(ops.calls).containsExactly("st-info [FLASH, CHIPID]", "st-info [PROBE]");
        assertThat(ops.settings.connectMode()).isEqualTo(io.blueflash.model.ConnectMode.NORMAL);
    }
}
