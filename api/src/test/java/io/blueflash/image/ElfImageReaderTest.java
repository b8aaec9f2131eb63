package io.blueflash.image;

import static io.blueflash.image.TestImages.ProgramHeader;
import static io.blueflash.image.TestImages.elf32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElfImageReaderTest {

    private final ElfImageReader reader = new ElfImageReader();

    @Test
    void givenDataWithLoadAddressInFlash_whenRead_thenPlacedAtPhysicalNotVirtualAddress() {
        FirmwareImage image = reader.read("fw.elf", TestImages.tinyBluePillElf());

        assertThat(image.segments()).hasSize(1);
        ImageSegment flash = image.segments().get(0);
        assertThat(flash.address()).isEqualTo(0x0800_0000L);
        assertThat(flash.length()).isEqualTo(0x48 + 8);                 // .text then .data's load image, merged
        assertThat(flash.byteAt(0x0800_0048L)).isEqualTo(0x11);
        assertThat(image.entryPoint()).contains(0x0800_0041L);
        assertThat(image.covers(0x2000_0000L, 0x200)).isFalse();          // nothing at the run address, no .bss
    }

    @Test
    void givenCheckedInTestResource_whenRead_thenItIsTheElfBuiltInCode() throws IOException {
        byte[] resource;
        try (InputStream in = getClass().getResourceAsStream("blinky-f103.elf")) {
            assertThat(in).as("test resource blinky-f103.elf").isNotNull();
            resource = in.readAllBytes();
        }

        assertThat(resource).isEqualTo(TestImages.tinyBluePillElf());
        assertThat(reader.read("blinky-f103.elf", resource).totalBytes()).isEqualTo(0x50);
    }

    @Test
    void givenNonLoadHeaderAndEmptyLoad_whenRead_thenSkipped() {
        byte[] elf = elf32(0x0800_0001L,
                new ProgramHeader(6 /* PT_PHDR */, 0, 0, new byte[] {9, 9}, 2),
                ProgramHeader.load(0x0800_0000L, 0x0800_0000L, new byte[] {1, 2, 3, 4}));

        assertThat(reader.read("fw.elf", elf).segments())
                .containsExactly(new ImageSegment(0x0800_0000L, new byte[] {1, 2, 3, 4}));
    }

    static Stream<Arguments> rejected() {
        byte[] good = TestImages.tinyBluePillElf();
        ProgramHeader one = ProgramHeader.load(0x0800_0000L, 0x0800_0000L, new byte[] {1, 2});
        return Stream.of(
                Arguments.of("not ELF", new byte[] {1, 2, 3, 4, 5, 6}, "fw.elf: not an ELF file"),
                Arguments.of("ELF64", elf32(2, 1, 2, 40, 0, one), "fw.elf: 64-bit ELF (ELFCLASS64)"),
                Arguments.of("big-endian", elf32(1, 2, 2, 40, 0, one), "fw.elf: big-endian ELF"),
                Arguments.of("x86-64", elf32(1, 1, 2, 62, 0, one), "fw.elf: ELF for x86-64 (e_machine 62), not ARM (40)"),
                Arguments.of("RISC-V", elf32(1, 1, 2, 243, 0, one), "fw.elf: ELF for RISC-V (e_machine 243)"),
                Arguments.of("object file", elf32(1, 1, 1, 40, 0, one), "fw.elf: relocatable object (ET_REL)"),
                Arguments.of("no program headers", elf32(0), "fw.elf: no program headers"),
                Arguments.of("truncated header", Arrays.copyOf(good, 40), "fw.elf: truncated ELF header: 40 bytes"),
                Arguments.of("truncated headers", Arrays.copyOf(good, 60), "fw.elf: truncated: 3 program headers"),
                Arguments.of("truncated data", Arrays.copyOf(good, good.length - 4),
                        "fw.elf: truncated: program header 1 wants 8 bytes"),
                Arguments.of("overlap", elf32(0, one, ProgramHeader.load(0x0800_0001L, 0x0800_0001L, new byte[2])),
                        "fw.elf: image data overlaps: [0x08000000, 0x08000002) and [0x08000001, 0x08000003)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void givenUnusableElf_whenRead_thenClearError(String edge, byte[] content, String message) {
        assertThatThrownBy(() -> reader.read("fw.elf", content))
                .isInstanceOf(ImageFormatException.class).hasMessageStartingWith(message);
    }
}
