package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What survives between two separate invocations through the simulator's state file, and that a
 * write touches only the pages that change (figures from {@code --json}).
 */
class IncrementalWriteEndToEndTest {

    private static final int PAGE = 1024;

    @TempDir
    Path dir;

    private Path home;
    private String state;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state").toString();
    }

    private CliRun blueflash(String args) {
        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args.replace("FILE:", dir + "/"));
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    private static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ((i * 7 + seed * 13 + (i >> 9)) % 251);
        }
        return b;
    }

    @Test
    void givenWriteInOneRun_whenReadInAnother_thenBytesRoundTripThroughTheStateFile() throws IOException {
        byte[] fw = pattern(2500, 1);
        Files.write(dir.resolve("fw.bin"), fw);
        blueflash("write FILE:fw.bin 0x08000000");
        assertThat(Path.of(state)).isRegularFile();
        blueflash("read FILE:back.bin 0x08000000 2500");
        assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(fw);
    }

    @Test
    void givenSameImageTwice_whenWrittenAgain_thenSecondRunErasesAndProgramsNothing() throws IOException {
        Files.write(dir.resolve("fw.bin"), pattern(4 * PAGE, 2));
        CliRun first = blueflash("--json write FILE:fw.bin 0x08000000");
        assertThat(first.jsonNumber("pagesProgrammed")).isEqualTo(4);
        CliRun second = blueflash("--json write FILE:fw.bin 0x08000000");
        assertThat(second.jsonNumber("pagesErased")).isZero();
        assertThat(second.jsonNumber("pagesProgrammed")).isZero();
        assertThat(second.jsonNumber("pagesUnchanged")).isEqualTo(4);
    }

    @Test
    void givenOneByteChanged_whenWrittenAgain_thenExactlyOnePageReprogrammed() throws IOException {
        byte[] fw = pattern(4 * PAGE, 3);
        Files.write(dir.resolve("fw.bin"), fw);
        blueflash("write FILE:fw.bin 0x08000000");
        fw[2 * PAGE + 17] ^= 0x55;
        Files.write(dir.resolve("fw.bin"), fw);
        CliRun again = blueflash("--json write FILE:fw.bin 0x08000000");
        assertThat(again.jsonNumber("pagesErased")).isEqualTo(1);
        assertThat(again.jsonNumber("pagesProgrammed")).isEqualTo(1);
        assertThat(again.jsonNumber("pagesUnchanged")).isEqualTo(3);
        blueflash("read FILE:back.bin 0x08000000 4096");
        assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(fw);
    }

    @Test
    void givenPageFullOfData_whenSmallImageWrittenInsideIt_thenOtherBytesOfThePageSurvive() throws IOException {
        byte[] page = pattern(PAGE, 4);
        Files.write(dir.resolve("page.bin"), page);
        blueflash("write FILE:page.bin 0x08000800");
        byte[] patch = new byte[32];
        Arrays.fill(patch, (byte) 0x11);
        Files.write(dir.resolve("patch.bin"), patch);
        blueflash("write FILE:patch.bin 0x08000900");
        blueflash("read FILE:back.bin 0x08000800 1024");
        byte[] expected = page.clone();
        System.arraycopy(patch, 0, expected, 0x100, patch.length);
        assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(expected);
    }

    @Test
    void givenWrittenImage_whenVerifiedInLaterRun_thenMatchesAndAfterChangeMismatchExitsSix() throws IOException {
        byte[] fw = pattern(1500, 5);
        Files.write(dir.resolve("fw.bin"), fw);
        blueflash("write FILE:fw.bin 0x08000000");
        assertThat(blueflash("verify FILE:fw.bin 0x08000000").out).contains("all 1500 bytes match");
        fw[100] ^= 1;
        Files.write(dir.resolve("fw.bin"), fw);
        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " verify " + dir + "/fw.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(6);
        assertThat(r.err).contains("verify FAILED: 1 of 1500 bytes differ").contains("0x08000064");
    }

    @Test
    void givenExampleFirmware_whenNewcomerCommandRuns_thenWrittenAndReported() {
        Path blink = Path.of("..", "examples", "blink.bin");
        CliRun r = CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " write " + blink + " 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("wrote").contains("(88 bytes)").contains("simulated");
    }
}
