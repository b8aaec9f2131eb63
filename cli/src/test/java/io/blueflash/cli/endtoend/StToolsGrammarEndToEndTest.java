package io.blueflash.cli.endtoend;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 13: st-info's grammar ({@code --probe --chipid --flash --pagesize --sram --descr
 * --serial}), st-flash's grammar in {@code st-flash --help}, {@code --area} where an STM32F1 has the
 * area, and {@code --mass-erase}.
 */
class StToolsGrammarEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Map<String, String> simEnv;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        simEnv = Map.of("BLUEFLASH_PROBE", "sim");
    }

    private CliRun stInfo(String args) {
        return CliRun.run(home, simEnv, "--st-info " + args);
    }

    private CliRun stFlash(String args) {
        return CliRun.run(home, simEnv, "--st-flash --sim-state " + dir.resolve("chip.state") + " " + args);
    }

    @Test
    void givenStInfoQuestions_whenAsked_thenStInfoStyleAnswers() {
        assertThat(stInfo("--chipid").out).isEqualTo("0x410\n");
        assertThat(stInfo("--flash").out).isEqualTo("0x10000\n");
        assertThat(stInfo("--pagesize").out).isEqualTo("0x400\n");
        assertThat(stInfo("--sram").out).isEqualTo("0x5000\n");
        assertThat(stInfo("--descr").out).contains("medium-density");
        assertThat(stInfo("--serial").out).isEqualTo("stm32f103c8\n");
        CliRun probe = stInfo("--probe --hot-plug");
        assertThat(probe.exitCode).as(probe.toString()).isZero();
        assertThat(probe.out).startsWith("Found 1 probe: sim:stm32f103c8").contains("  flash:      65536 (pagesize: 1024)")
                .contains("  chipid:     0x410");
    }

    @Test
    void givenStInfoUsageErrors_whenRun_thenExit1AndHelpShowsItsGrammar() {
        assertThat(stInfo("").exitCode).isEqualTo(1);
        CliRun two = stInfo("--descr --chipid");
        assertThat(two.exitCode).as(two.toString()).isZero();
        assertThat(two.out).as("st-info's order, one line each").startsWith("0x410\n").contains("medium-density");
        CliRun help = stInfo("--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("st-info --probe [--connect-under-reset] [--hot-plug] [--freq=KHZ]")
                .contains("--pagesize").contains("BLUEFLASH_PROBE");
    }

    @Test
    void givenStFlashHelp_whenAsked_thenStFlashsGrammar() {
        CliRun help = stFlash("--help");

        assertThat(help.exitCode).isZero();
        assertThat(help.out).contains("Usage: st-flash [--debug] [--reset] [--connect-under-reset] [--hot-plug] [--opt]")
                .contains("{read|write} FILE [ADDR] [SIZE]").contains("--area=main|system|option")
                .contains("erase [ADDR SIZE]").contains("st-flash [--debug] [--freq=KHZ] [--serial SERIAL] reset");
    }

    @Test
    void givenAreas_whenReadThroughStFlash_thenOptionBytesAndSystemMemoryOrAClearRefusal() throws IOException {
        CliRun option = stFlash("--area=option read " + dir.resolve("ob.bin"));
        CliRun system = stFlash("--area=system read " + dir.resolve("sys.bin") + " 256");
        CliRun otp = stFlash("--area=otp read " + dir.resolve("otp.bin"));
        CliRun optionWrite = stFlash("--area=option write " + dir.resolve("ob.bin"));

        assertThat(option.exitCode).as(option.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("ob.bin"))).hasSize(16).startsWith((byte) 0xA5, (byte) 0x5A);
        assertThat(system.exitCode).as(system.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("sys.bin"))).hasSize(256);
        assertThat(system.out).contains("at 0x1FFFF000");
        assertThat(otp.exitCode).isEqualTo(1);
        assertThat(otp.err).contains("has no OTP area");
        assertThat(optionWrite.exitCode).isEqualTo(1);
        assertThat(optionWrite.err).contains("blueflash option-bytes");
    }

    @Test
    void givenMassEraseBeforeTheCommand_whenWritingThroughStFlash_thenTheChipIsMassErasedFirst() {
        Path blink = Path.of("..", "examples", "blink.bin").toAbsolutePath().normalize();

        CliRun r = stFlash("--mass-erase write " + blink + " 0x8000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("mass erased");
    }
}
