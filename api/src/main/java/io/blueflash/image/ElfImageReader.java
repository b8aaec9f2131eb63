package io.blueflash.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ELF32 little-endian ARM executables (what arm-none-eabi-ld writes). Every PT_LOAD program header
 * with file bytes becomes a segment at its <em>physical</em> address {@code p_paddr}: for
 * initialised data the linker puts the load address (in flash) there and the run address (in
 * SRAM) in {@code p_vaddr}, and the flash copy is what we must program. Bytes beyond
 * {@code p_filesz} (.bss) are zeroed by the startup code, not programmed. {@code e_entry} becomes
 * the entry point.
 */
public final class ElfImageReader implements ImageReader {

    static final int EHDR_SIZE = 52;
    static final int PHDR_SIZE = 32;
    static final int ELFCLASS32 = 1;
    static final int ELFCLASS64 = 2;
    static final int ELFDATA2LSB = 1;
    static final int ET_EXEC = 2;
    static final int EM_ARM = 40;
    static final int PT_LOAD = 1;

    @Override
    public FirmwareImage read(String sourceName, byte[] c) {
        if (c.length < 4 || c[0] != 0x7F || c[1] != 'E' || c[2] != 'L' || c[3] != 'F') {
            throw error(sourceName, "not an ELF file (no \\x7FELF magic)");
        }
        if (c.length < 6) {
            throw error(sourceName, "truncated ELF header (" + c.length + " bytes)");
        }
        if (c[4] == ELFCLASS64) {
            throw error(sourceName, "64-bit ELF (ELFCLASS64): an STM32F1 image must be a 32-bit ARM ELF;"
                    + " was it built for the host instead of with arm-none-eabi-gcc?");
        }
        if (c[4] != ELFCLASS32) {
            throw error(sourceName, "unknown ELF class " + c[4]);
        }
        if (c[5] != ELFDATA2LSB) {
            throw error(sourceName, "big-endian ELF: Cortex-M3 images are little-endian (ELFDATA2LSB)");
        }
        if (c.length < EHDR_SIZE) {
            throw error(sourceName, "truncated ELF header: " + c.length + " bytes, need " + EHDR_SIZE);
        }
        int type = u16(c, 16);
        int machine = u16(c, 18);
        if (machine != EM_ARM) {
            throw error(sourceName, "ELF for " + machineName(machine) + " (e_machine " + machine
                    + "), not ARM (40): this image cannot run on an STM32F1");
        }
        if (type != ET_EXEC) {
            throw error(sourceName, type == 1
                    ? "relocatable object (ET_REL): link it into an executable first"
                    : "ELF type " + type + " is not an executable (ET_EXEC)");
        }
        long entry = u32(c, 24);
        long phoff = u32(c, 28);
        int phentsize = u16(c, 42);
        int phnum = u16(c, 44);
        if (phnum == 0) {
            throw error(sourceName, "no program headers: nothing to load");
        }
        if (phentsize < PHDR_SIZE) {
            throw error(sourceName, "program header entry size " + phentsize + " is smaller than " + PHDR_SIZE);
        }
        if (phoff + (long) phnum * phentsize > c.length) {
            throw error(sourceName, String.format("truncated: %d program headers at offset %d need %d bytes, the file has %d",
                    phnum, phoff, phoff + (long) phnum * phentsize, c.length));
        }
        List<ImageSegment> segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int h = (int) (phoff + (long) i * phentsize);
            if (u32(c, h) != PT_LOAD) {
                continue;
            }
            long offset = u32(c, h + 4);
            long paddr = u32(c, h + 12);
            long filesz = u32(c, h + 16);
            if (filesz == 0) {
                continue;
            }
            if (offset + filesz > c.length) {
                throw error(sourceName, String.format(
                        "truncated: program header %d wants %d bytes at file offset %d, the file has %d",
                        i, filesz, offset, c.length));
            }
            if (paddr + filesz > 0x1_0000_0000L) {
                throw error(sourceName, String.format("program header %d at 0x%08X runs past the 32-bit address space", i, paddr));
            }
            byte[] data = new byte[(int) filesz];
            System.arraycopy(c, (int) offset, data, 0, data.length);
            segments.add(new ImageSegment(paddr, data));
        }
        try {
            return FirmwareImage.of(segments, Optional.of(entry));
        } catch (ImageFormatException e) {
            throw error(sourceName, e.getMessage());
        }
    }

    private static ImageFormatException error(String source, String what) {
        return new ImageFormatException(source + ": " + what);
    }

    static String machineName(int machine) {
        return switch (machine) {
            case 3 -> "x86";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 62 -> "x86-64";
            case 183 -> "AArch64";
            case 243 -> "RISC-V";
            default -> "machine " + machine;
        };
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
