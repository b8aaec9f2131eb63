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
 * Issue 12 item 14: write --mass-erase, --no-verify, --no-compare; issue 14: --assume-blank and
 * --flash-method; the defaults unchanged.
 */
class WriteChoicesEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;
    private Path blink;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
        blink = Path.of("..", "examples", "blink.bin").toAbsolutePath().normalize();
        Files.write(dir.resolve("high.bin"), new byte[] {1, 2, 3, 4});
        assertThat(sim("write " + dir.resolve("high.bin") + " 0x08002800").exitCode).isZero(); // page 10
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " --no-progress " + args);
    }

    @Test
    void givenDefaults_whenWriting_thenOtherPagesKeptComparedAndVerified() throws IOException {
        CliRun r = sim("--json write " + blink + " 0x08000000");
        CliRun again = sim("--json write " + blink + " 0x08000000");

        assertThat(r.out).contains("\"massErased\":false").contains("\"verified\":true");
        assertThat(again.jsonNumber("pagesUnchanged")).isEqualTo(1);
        assertThat(again.jsonNumber("pagesProgrammed")).isZero();
        assertThat(sim("read " + dir.resolve("p10.bin") + " 0x08002800 4").exitCode).isZero();
        assertThat(Files.readAllBytes(dir.resolve("p10.bin"))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void givenMassErase_whenWriting_thenEverythingOutsideTheImageIsErased() throws IOException {
        CliRun r = sim("--json write --mass-erase " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"massErased\":true");
        assertThat(sim("read " + dir.resolve("p10.bin") + " 0x08002800 4").exitCode).isZero();
        assertThat(Files.readAllBytes(dir.resolve("p10.bin"))).containsExactly(0xFF, 0xFF, 0xFF, 0xFF);
        assertThat(sim("verify " + blink + " 0x08000000").exitCode).isZero();
    }

    @Test
    void givenNoVerify_whenWriting_thenNoReadBack() {
        CliRun r = sim("--json write --no-verify " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"verified\":false");
    }

    @Test
    void givenNoCompare_whenWritingTheSameImageAgain_thenItsPageIsProgrammedAnyway() {
        assertThat(sim("write " + blink + " 0x08000000").exitCode).isZero();

        CliRun r = sim("--json write --no-compare " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.jsonNumber("pagesProgrammed")).isEqualTo(1);
        assertThat(r.jsonNumber("pagesUnchanged")).isZero();
    }

    @Test
    void givenAssumeBlank_whenWritingOntoBlankPages_thenNothingIsErasedAndTheOtherPagesKeepTheirBytes() throws IOException {
        CliRun r = sim("--json write --assume-blank " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.jsonNumber("pagesErased")).isZero();
        assertThat(r.out).contains("\"verified\":true");
        assertThat(sim("read " + dir.resolve("p10.bin") + " 0x08002800 4").exitCode).isZero();
        assertThat(Files.readAllBytes(dir.resolve("p10.bin"))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void givenAssumeBlank_whenThePageHoldsData_thenTheWriteFailsNamingTheUnerasedFlash() {
        CliRun r = sim("write --assume-blank " + dir.resolve("high.bin") + " 0x08002800");

        assertThat(r.exitCode).as(r.toString()).isNotZero();
        assertThat(r.err + r.out).contains("not erased");
    }

    @Test
    void givenAssumeBlankAndMassErase_whenWriting_thenRefusedAsContradictory() {
        CliRun r = sim("write --assume-blank --mass-erase " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isNotZero();
        assertThat(r.err).contains("--assume-blank");
    }

    @Test
    void givenFlashMethodRegisters_whenWriting_thenTheFpecRegistersProgramAndTheDefaultIsTheSramLoader() {
        CliRun registers = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " write --no-compare "
                + "--flash-method registers " + blink + " 0x08000000");
        CliRun auto = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " write --no-compare "
                + blink + " 0x08000000");

        assertThat(registers.exitCode).as(registers.toString()).isZero();
        assertThat(registers.err + registers.out).contains("flash algorithm: STM32F1 FPEC").doesNotContain("SRAM loader");
        assertThat(auto.err + auto.out).contains("flash algorithm: STM32F1 SRAM loader");
        assertThat(sim("verify " + blink + " 0x08000000").exitCode).isZero();
    }

    @Test
    void givenUnknownFlashMethod_whenWriting_thenUsageErrorNamingTheChoices() {
        CliRun r = sim("write --flash-method fast " + blink + " 0x08000000");

        assertThat(r.exitCode).isEqualTo(1);
        assertThat(r.err).contains("auto, loader or registers");
    }
}
