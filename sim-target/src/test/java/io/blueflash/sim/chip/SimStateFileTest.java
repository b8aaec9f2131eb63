package io.blueflash.sim.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimStateFileTest {

    @TempDir
    Path dir;

    private Stm32F103 programmedChip() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        Fpec fpec = new Fpec(chip.cpuBus());
        fpec.unlock();
        fpec.program(0x0801_0000, 0xCAFE, chip.clock());
        fpec.unlockOptions();
        fpec.eraseOptionBytes(chip.clock());
        fpec.programOption(OptionBytes.BASE, 0xA5, chip.clock());
        fpec.programOption(OptionBytes.BASE + 8, 0xFE, chip.clock());
        return chip;
    }

    @Test
    void givenSavedChip_whenLoadedIntoFreshChip_thenFlashAndOptionBytesRestoredAndLoaded() throws Exception {
        Path file = dir.resolve("state.bin");
        SimStateFile.save(file, programmedChip());
        Stm32F103 fresh = Stm32F103.create("stm32f103c8");
        SimStateFile.loadInto(file, fresh);
        assertThat(fresh.cpuBus().read(0x0801_0000, 2)).isEqualTo(0xCAFE);
        assertThat(fresh.cpuBus().read(0x4002_2020, 4)).isEqualTo(0xFFFF_FFFE);
        assertThat(Files.list(dir)).containsExactly(file); // no temp file left behind
    }

    @Test
    void givenFlippedByte_whenLoaded_thenCorruptAndFileUntouched() throws Exception {
        Path file = dir.resolve("state.bin");
        SimStateFile.save(file, programmedChip());
        byte[] content = Files.readAllBytes(file);
        content[100] ^= 1;
        Files.write(file, content);
        Stm32F103 fresh = Stm32F103.create("stm32f103c8");
        assertThatThrownBy(() -> SimStateFile.loadInto(file, fresh)).isInstanceOf(SimStateCorruptException.class)
                .hasMessageContaining("checksum").hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(fresh.cpuBus().read(0x0801_0000, 2)).isEqualTo(0xFFFF);
    }

    @Test
    void givenTruncatedOrForeignFile_whenLoaded_thenCorrupt() throws Exception {
        Path file = dir.resolve("state.bin");
        SimStateFile.save(file, programmedChip());
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
        assertThatThrownBy(() -> SimStateFile.read(file)).isInstanceOf(SimStateCorruptException.class);
        Files.writeString(file, "hello");
        assertThatThrownBy(() -> SimStateFile.read(file)).isInstanceOf(SimStateCorruptException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void givenFutureVersion_whenLoaded_thenCorruptNamingTheVersion() throws Exception {
        Path file = dir.resolve("state.bin");
        SimStateFile.save(file, programmedChip());
        byte[] content = Files.readAllBytes(file);
        content[9] = 9;
        Files.write(file, content);
        assertThatThrownBy(() -> SimStateFile.read(file)).isInstanceOf(SimStateCorruptException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void givenOtherProfile_whenLoaded_thenStateFileErrorNamingBothProfiles() {
        Path file = dir.resolve("state.bin");
        SimStateFile.save(file, programmedChip());
        assertThatThrownBy(() -> SimStateFile.loadInto(file, Stm32F103.create("stm32f103cb")))
                .isInstanceOf(SimStateCorruptException.class).hasMessageContaining("holds a stm32f103c8")
                .hasMessageContaining("--probe sim:stm32f103c8").hasMessageContaining(file.toString());
    }

    @Test
    void givenLengthFieldLargerThanTheFile_whenLoaded_thenFormatErrorNotOutOfMemory() throws Exception {
        Path file = dir.resolve("state.bin");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.write(SimStateFile.MAGIC);
        out.writeShort(SimStateFile.VERSION);
        out.writeShort(11);
        out.write("stm32f103c8".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeInt(0x7FFF_FFF0); // ~2 GiB of flash claimed, 8 bytes present
        out.write(new byte[8]);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        Files.write(file, bytes.toByteArray());

        assertThatThrownBy(() -> SimStateFile.read(file)).isInstanceOf(SimStateCorruptException.class)
                .hasMessageContaining("length field").hasMessageContaining(file.toString());
    }

    @Test
    void givenExistingFile_whenSavedAgain_thenReplacedAtomically() throws Exception {
        Path file = dir.resolve("state.bin");
        SimStateFile.save(file, Stm32F103.create("stm32f103c8"));
        SimStateFile.save(file, programmedChip());
        assertThat(SimStateFile.read(file).flash()[0x1_0000]).isEqualTo((byte) 0xFE);
        assertThat(Files.list(dir)).hasSize(1);
    }
}
