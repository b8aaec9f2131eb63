package io.blueflash.cli.conformance;

import io.blueflash.cli.endtoend.HexLines;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Cortex-M3 image built in code, so CI needs no toolchain: a vector table at 0x08000000
 * (initial SP at the top of 20 KB SRAM, reset handler at 0x08000040), a reset handler that loops
 * ({@code b .}), then deterministic filler that crosses three 1 KB flash pages and ends inside a fourth.
 * {@link #writeElf} wraps the same bytes in an ELF32 ARM executable with one loadable {@code .text}
 * section (what {@code gdb load} and {@code compare-sections} work on).
 */
final class TestFirmware {

    static final int BASE = 0x0800_0000;
    static final int LENGTH = 3 * 1024 + 100;

    private TestFirmware() {
    }

    static byte[] bytes() {
        return bytes(LENGTH);
    }

    /** The same vector table and loop, then {@code length} bytes in all (at least 66). */
    static byte[] bytes(int length) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x2000_5000);             // initial SP
        b.putInt(BASE + 0x40 | 1);         // reset handler, Thumb
        for (int i = 2; i < 16; i++) {
            b.putInt(BASE + 0x40 | 1);     // every other vector to the same loop
        }
        b.putShort((short) 0xE7FE);        // b .
        int seed = 0x1234_5678;
        while (b.hasRemaining()) {
            seed = seed * 1_103_515_245 + 12_345;
            b.put((byte) (seed >>> 16));
        }
        return b.array();
    }

    /** {@code length} deterministic pseudo-random bytes (a flash image with no erased runs to skip). */
    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        int seed = 0x0BAD_F00D;
        for (int i = 0; i < length; i++) {
            seed = seed * 1_103_515_245 + 12_345;
            bytes[i] = (byte) (seed >>> 16);
        }
        return bytes;
    }

    static Path writeBin(Path dir) throws IOException {
        return Files.write(dir.resolve("fw.bin"), bytes());
    }

    /** {@link #bytes()} as Intel HEX at {@link #BASE}: an extended linear address record, 16-byte data records. */
    static Path writeHex(Path dir) throws IOException {
        byte[] image = bytes();
        StringBuilder hex = new StringBuilder(HexLines.extendedLinear(BASE >>> 16));
        for (int offset = 0; offset < image.length; offset += 16) {
            hex.append(HexLines.data(offset, java.util.Arrays.copyOfRange(image, offset, Math.min(image.length, offset + 16))));
        }
        hex.append(HexLines.eof());
        return Files.writeString(dir.resolve("fw.hex"), hex, StandardCharsets.US_ASCII);
    }

    static Path writeElf(Path dir) throws IOException {
        return Files.write(dir.resolve("fw.elf"), elf(bytes()));
    }

    /** {@link #bytes(int)} of {@code length} bytes as an ELF file {@code fw-LENGTH.elf}. */
    static Path writeElf(Path dir, int length) throws IOException {
        return Files.write(dir.resolve("fw-" + length + ".elf"), elf(bytes(length)));
    }

    private static byte[] elf(byte[] text) {
        byte[] names = "\0.text\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
        int textOffset = 0x100;
        int namesOffset = textOffset + text.length;
        int sectionsOffset = (namesOffset + names.length + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(sectionsOffset + 3 * 40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0}).put(new byte[8]);
        b.putShort((short) 2).putShort((short) 40).putInt(1);          // ET_EXEC, EM_ARM, EV_CURRENT
        b.putInt(BASE + 0x40 | 1).putInt(52).putInt(sectionsOffset);   // entry, phoff, shoff
        b.putInt(0x0500_0200);                                          // EABI5, soft float
        b.putShort((short) 52).putShort((short) 32).putShort((short) 1);
        b.putShort((short) 40).putShort((short) 3).putShort((short) 2);
        // PT_LOAD, offset, vaddr, paddr, filesz, memsz, flags R+X, align
        b.putInt(1).putInt(textOffset).putInt(BASE).putInt(BASE).putInt(text.length).putInt(text.length)
                .putInt(5).putInt(4);
        b.position(textOffset);
        b.put(text).put(names);
        b.position(sectionsOffset);
        b.put(new byte[40]);
        // .text: PROGBITS, ALLOC|EXECINSTR
        b.putInt(1).putInt(1).putInt(6).putInt(BASE).putInt(textOffset).putInt(text.length)
                .putInt(0).putInt(0).putInt(4).putInt(0);
        // .shstrtab: STRTAB
        b.putInt(7).putInt(3).putInt(0).putInt(0).putInt(namesOffset).putInt(names.length)
                .putInt(0).putInt(0).putInt(1).putInt(0);
        return b.array();
    }
}
