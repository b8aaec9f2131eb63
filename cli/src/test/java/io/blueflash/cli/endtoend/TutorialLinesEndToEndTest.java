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
 * The stlink tutorial's command lines, run verbatim through st-flash mode against the simulated
 * Blue Pill (chosen with BLUEFLASH_PROBE=sim or {@code --probe sim}), each invocation a fresh run of
 * the main entry sharing only the state file, as separate processes would.
 */
class TutorialLinesEndToEndTest {

    private static final int PAGE = 1024; // STM32F103C8: medium density, 1 KB pages (facts §A.2)
    private static final long FLASH = 0x0800_0000L;

    @TempDir
    Path dir;

    private Path home;
    private String state;
    private Map<String, String> simEnv;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state").toString();
        simEnv = Map.of("BLUEFLASH_PROBE", "sim");
    }

    /** st-flash mode, probe from the environment, our temp state file. */
    private CliRun stFlash(String tutorialLine) {
        String args = tutorialLine.replaceFirst("^st-flash ", "").replace("FILE:", dir.toString() + "/");
        return CliRun.run(home, simEnv, "--st-flash --sim-state " + state + " " + args);
    }

    /** blueflash grammar with --probe sim. */
    private CliRun blueflash(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args.replace("FILE:", dir + "/"));
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ((i * 31 + seed * 17 + (i >> 8)) & 0xFF);
            if (b[i] == (byte) 0xFF) {
                b[i] = 0x5A; // keep every byte distinguishable from erased flash
            }
        }
        return b;
    }

    private byte[] readBack(long address, int length) throws IOException {
        CliRun r = blueflash(String.format("read FILE:back.bin 0x%08X %d", address, length));
        assertThat(r.exitCode).as(r.toString()).isZero();
        return Files.readAllBytes(dir.resolve("back.bin"));
    }

    @Test
    void givenTutorialWriteLine_whenRun_thenFlashHoldsTheFirmware() throws IOException {
        byte[] fw = pattern(3000, 1);
        file("my_firmware.bin", fw);
        CliRun r = stFlash("st-flash write FILE:my_firmware.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("wrote").contains("3 programmed");
        assertThat(readBack(FLASH, fw.length)).isEqualTo(fw);
    }

    @Test
    void givenResetBeforeTheCommand_whenRun_thenWrittenAndReset() throws IOException {
        file("my_firmware.bin", pattern(2048, 2));
        CliRun r = stFlash("st-flash --reset write FILE:my_firmware.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("reset and running");
    }

    @Test
    void givenResetAfterTheCommandAndShortAddress_whenRun_thenWrittenAndReset() throws IOException {
        byte[] fw = pattern(1500, 3);
        file("my_firmware.bin", fw);
        CliRun r = stFlash("st-flash write FILE:my_firmware.bin 0x8000000 --reset");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("reset and running");
        assertThat(readBack(FLASH, fw.length)).isEqualTo(fw);
    }

    @Test
    void givenTutorialReadLine_whenRun_thenFileHolds4096FlashBytes() throws IOException {
        byte[] fw = pattern(4096, 4);
        file("fw.bin", fw);
        assertThat(blueflash("write FILE:fw.bin 0x08000000").exitCode).isZero();
        CliRun r = stFlash("st-flash read FILE:output.bin 0x08000000 4096");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("output.bin"))).isEqualTo(fw);
    }

    @Test
    void givenWrittenChip_whenTutorialEraseRuns_thenAllFlashReadsErased() throws IOException {
        file("fw.bin", pattern(5000, 5));
        assertThat(blueflash("write FILE:fw.bin 0x08000000").exitCode).isZero();
        CliRun r = stFlash("st-flash erase");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("mass erased");
        byte[] erased = new byte[5000];
        Arrays.fill(erased, (byte) 0xFF);
        assertThat(readBack(FLASH, 5000)).isEqualTo(erased);
    }

    @Test
    void givenImageBeyondReported64k_whenWrittenWithFlash128k_thenWritten() throws IOException {
        byte[] fw = pattern(70 * 1024, 6);
        file("fw.bin", fw);
        CliRun refused = stFlash("st-flash write FILE:fw.bin 0x8000000");
        assertThat(refused.exitCode).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err).contains("--flash=128k");
        CliRun r = stFlash("st-flash --flash=128k write FILE:fw.bin 0x8000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(readBack(FLASH + 64 * 1024, 6 * 1024)).isEqualTo(Arrays.copyOfRange(fw, 64 * 1024, 70 * 1024));
    }

    @Test
    void givenIntelHexFile_whenWrittenWithoutAddress_thenPlacedAtItsOwnAddresses() throws IOException {
        // 16 bytes at 0x08000400 (extended linear address 0x0800), built with real checksums
        byte[] data = pattern(16, 7);
        file("fw.hex", (HexLines.extendedLinear(0x0800) + HexLines.data(0x0400, data) + HexLines.eof())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        CliRun r = stFlash("st-flash --format ihex write FILE:fw.hex");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(readBack(FLASH + 0x400, 16)).isEqualTo(data);
        CliRun detected = blueflash("write FILE:fw.hex");
        assertThat(detected.exitCode).as("format detected from .hex: " + detected).isZero();
    }
}
