package io.blueflash.sim.bootloader;

import io.blueflash.sim.chip.OptionBytes;
import io.blueflash.sim.chip.SimProfile;

/**
 * The address ranges the ROM bootloader accepts (AN3155: "any valid memory address": flash, SRAM
 * and the information block), sized from the chip's profile (facts §A.2).
 */
final class MemoryMap {

    static final int FLASH_BASE = SimProfile.FLASH_BASE;
    static final int SRAM_BASE = SimProfile.SRAM_BASE;
    static final int OPTION_BYTES = OptionBytes.BASE;
    static final int OPTION_BYTES_SIZE = 16;

    private final long flashEnd;
    private final long sramEnd;
    private final long systemStart;
    private final long systemEnd;

    MemoryMap(SimProfile profile) {
        this.flashEnd = Integer.toUnsignedLong(FLASH_BASE) + profile.physicalFlashBytes();
        this.sramEnd = Integer.toUnsignedLong(SRAM_BASE) + profile.sramBytes();
        this.systemStart = Integer.toUnsignedLong(profile.density().systemMemoryBase());
        this.systemEnd = Integer.toUnsignedLong(OPTION_BYTES) + OPTION_BYTES_SIZE;
    }

    boolean isFlash(int address) {
        return within(address, 1, FLASH_BASE, flashEnd);
    }

    /** Flash, SRAM, system memory (with F_SIZE and the unique ID) and the option bytes. */
    boolean readable(int address, int length) {
        return within(address, length, FLASH_BASE, flashEnd) || within(address, length, SRAM_BASE, sramEnd)
                || within(address, length, systemStart, systemEnd);
    }

    /** Flash and SRAM; the option bytes have their own rule (start exactly at 0x1FFF_F800). */
    boolean writable(int address, int length) {
        return within(address, length, FLASH_BASE, flashEnd) || within(address, length, SRAM_BASE, sramEnd);
    }

    boolean executable(int address) {
        return within(address, 8, FLASH_BASE, flashEnd) || within(address, 8, SRAM_BASE, sramEnd);
    }

    private static boolean within(int address, int length, long start, long end) {
        long a = Integer.toUnsignedLong(address);
        return a >= start && a + length <= end;
    }
}
