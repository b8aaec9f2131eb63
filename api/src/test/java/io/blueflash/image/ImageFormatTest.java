package io.blueflash.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFormatTest {

    @ParameterizedTest
    @CsvSource({"fw.bin,BINARY", "FW.HEX,IHEX", "a/b.c/fw.ihex,IHEX", "fw.ihx,IHEX", "fw.elf,ELF", "fw.axf,ELF",
            "fw.srec,SREC", "fw.s19,SREC", "fw.S37,SREC", "fw.mot,SREC"})
    void givenKnownExtension_whenFromFileName_thenFormat(String name, ImageFormat format) {
        assertThat(ImageFormat.fromFileName(name)).contains(format);
    }

    @ParameterizedTest
    @CsvSource({"firmware", "fw.txt", "dir.hex/firmware", ".hex", "fw."})
    void givenNoKnownExtension_whenFromFileName_thenEmpty(String name) {
        assertThat(ImageFormat.fromFileName(name)).isEmpty();
    }

    @Test
    void givenContents_whenFromContent_thenSniffed() {
        assertThat(ImageFormat.fromContent(TestImages.tinyBluePillElf())).isEqualTo(ImageFormat.ELF);
        assertThat(ImageFormat.fromContent(TestImages.lines(":00000001FF"))).isEqualTo(ImageFormat.IHEX);
        assertThat(ImageFormat.fromContent(TestImages.lines("", TestImages.srecRecord(0, 0)))).isEqualTo(ImageFormat.SREC);
        assertThat(ImageFormat.fromContent(new byte[] {0x00, 0x50, 0x00, 0x20})).isEqualTo(ImageFormat.BINARY);
        assertThat(ImageFormat.fromContent(":-) hello".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ImageFormat.BINARY);
        assertThat(ImageFormat.fromContent(new byte[0])).isEqualTo(ImageFormat.BINARY);
    }

    @Test
    void givenElfNamedBin_whenDetect_thenElfWins() {
        assertThat(ImageFormat.detect("fw.bin", TestImages.tinyBluePillElf())).isEqualTo(ImageFormat.ELF);
    }

    @Test
    void givenUnknownExtension_whenDetect_thenContentDecides() {
        assertThat(ImageFormat.detect("firmware", TestImages.lines(":00000001FF"))).isEqualTo(ImageFormat.IHEX);
        assertThat(ImageFormat.detect("fw.bin", TestImages.lines(":00000001FF"))).isEqualTo(ImageFormat.BINARY);
    }

    @ParameterizedTest
    @CsvSource({"binary,BINARY", "ihex,IHEX", "IHEX,IHEX", "hex,IHEX", "bin,BINARY", "elf,ELF", "srec,SREC", "s19,SREC"})
    void givenFormatOptionName_whenParse_thenFormat(String name, ImageFormat format) {
        assertThat(ImageFormat.parse(name)).isEqualTo(format);
    }

    @Test
    void givenUnknownFormatName_whenParse_thenErrorListsNames() {
        assertThatThrownBy(() -> ImageFormat.parse("uf2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown image format 'uf2': use one of binary, ihex, elf, srec");
    }

    @Test
    void givenHexFile_whenReadFileDetected_thenParsedAsHex(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fw.hex");
        Files.write(file, TestImages.lines(TestImages.hexRecord(0, 0, (byte) 7), ":00000001FF"));

        assertThat(ImageReader.readFile(file, 0x0800_0000L).segments()).containsExactly(new ImageSegment(0, new byte[] {7}));
    }

    @Test
    void givenHexFileForcedBinary_whenReadFile_thenRawBytesAtAddress(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fw.hex");
        byte[] content = TestImages.lines(":00000001FF");
        Files.write(file, content);

        assertThat(ImageReader.readFile(file, ImageFormat.BINARY, 0x0800_0000L).segments())
                .containsExactly(new ImageSegment(0x0800_0000L, content));
    }

    @Test
    void givenMissingFile_whenReadFile_thenErrorNamesFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.bin");

        assertThatThrownBy(() -> ImageReader.readFile(file, 0)).hasMessageStartingWith("cannot read image file " + file);
    }

    @Test
    void givenBinary_whenRead_thenOneSegmentAtAddress() {
        assertThat(new BinaryImageReader(0x0800_0400L).read("fw.bin", new byte[] {1, 2}).segments())
                .containsExactly(new ImageSegment(0x0800_0400L, new byte[] {1, 2}));
    }

    @Test
    void givenEmptyBinary_whenRead_thenError() {
        assertThatThrownBy(() -> new BinaryImageReader(0x0800_0000L).read("fw.bin", new byte[0]))
                .isInstanceOf(ImageFormatException.class).hasMessage("fw.bin: the file is empty, nothing to write");
    }

    @Test
    void givenBinaryPastAddressSpace_whenRead_thenError() {
        assertThatThrownBy(() -> new BinaryImageReader(0xFFFF_FFFFL).read("fw.bin", new byte[2]))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("run past the end of the 32-bit address space");
    }
}
