package io.blueflash.sim.debug;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;

/**
 * The CoreSight ROM table at 0xE00F_F000 (facts §A.1, §C.5): entries for SCS, DWT, FPB, ITM, TPIU
 * and ETM, then the PIDR (designer JEP106, part = DEV_ID) and CIDR words.
 */
public final class RomTable implements BusDevice {

    public static final int BASE = 0xE00F_F000;
    private static final int[] ENTRIES = {
        0xE000_E000, 0xE000_1000, 0xE000_2000, 0xE000_0000, 0xE004_0000, 0xE004_1000,
    };

    private final int partNumber;
    private final int designer;

    /** @param designer JEP106 code, continuation in b11:8, identity in b6:0 */
    public RomTable(int partNumber, int designer) {
        this.partNumber = partNumber;
        this.designer = designer;
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        int word = offset & ~3;
        int value = word(word);
        return value >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    private int word(int offset) {
        if (offset < 4 * ENTRIES.length) {
            return (ENTRIES[offset / 4] - BASE) & 0xFFFF_F000 | 0b11; // present, 32-bit format
        }
        int identity = designer & 0x7F;
        int continuation = designer >>> 8 & 0xF;
        return switch (offset) {
            case 0xFD0 -> continuation; // PIDR4
            case 0xFE0 -> partNumber & 0xFF;
            case 0xFE4 -> (partNumber >>> 8 & 0xF) | (identity & 0xF) << 4;
            case 0xFE8 -> (identity >>> 4 & 0x7) | 0x8; // JEDEC bit
            case 0xFF0 -> 0x0D;
            case 0xFF4 -> 0x10;
            case 0xFF8 -> 0x05;
            case 0xFFC -> 0xB1;
            default -> 0;
        };
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        // read-only
    }
}
