package io.blueflash.gdbserver;

import io.blueflash.port.in.TargetInfo;

/**
 * The memory map gdb reads with {@code qXfer:memory-map:read} (GDB manual, "Memory Map Format"):
 * main flash as {@code flash} with its page size as {@code blocksize}, so that {@code load} erases and
 * writes it with {@code vFlashErase}/{@code vFlashWrite}/{@code vFlashDone}; SRAM, peripherals and
 * the System Control Space as {@code ram} (gdb refuses addresses outside the map); the boot alias at
 * 0 and system memory (ROM bootloader, option bytes) as {@code rom}. STM32F1 layout: RM0008 3.3.
 *
 * @param flashBase first byte of main flash
 * @param flashSize bytes of main flash
 * @param pageSize  erase unit
 * @param sramSize  bytes of SRAM at 0x2000_0000
 */
record MemoryMap(long flashBase, long flashSize, int pageSize, int sramSize) {

    static final long SRAM_BASE = 0x2000_0000L;
    static final long SYSTEM_MEMORY = 0x1FFF_F000L;
    static final long SYSTEM_MEMORY_SIZE = 0x810; // bootloader 2 KB and the option bytes

    static MemoryMap of(TargetInfo info) {
        return new MemoryMap(info.flashBaseAddress(), info.flashSizeBytes(), info.pageSize(), info.sramBytes());
    }

    boolean inFlash(long address, long length) {
        return address >= flashBase && address + length <= flashBase + flashSize;
    }

    String xml() {
        return "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" "
                + "\"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
                + "<memory-map>\n"
                + region("rom", 0, flashSize)
                + "  <memory type=\"flash\" start=\"" + hex(flashBase) + "\" length=\"" + hex(flashSize) + "\">\n"
                + "    <property name=\"blocksize\">" + hex(pageSize) + "</property>\n"
                + "  </memory>\n"
                + region("rom", SYSTEM_MEMORY, SYSTEM_MEMORY_SIZE)
                + region("ram", SRAM_BASE, sramSize)
                + region("ram", 0x4000_0000L, 0x2000_0000L)
                + region("ram", 0xE000_0000L, 0x2000_0000L)
                + "</memory-map>\n";
    }

    private static String region(String type, long start, long length) {
        return "  <memory type=\"" + type + "\" start=\"" + hex(start) + "\" length=\"" + hex(length) + "\"/>\n";
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
