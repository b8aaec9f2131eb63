package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.BusMaster;

/**
 * A block of 32-bit registers and how narrow accesses reach them. Behind the AHB/APB bridges
 * (RM0008 §3.1, §13.3.4) an 8- or 16-bit write becomes a 32-bit write with the data duplicated across the
 * lanes (a byte 0xB0 arrives as 0xB0B0_B0B0, a half-word 0xB1B0 as 0xB1B0_B1B0), so a
 * {@code strh} to GPIOx_BSRR+2 writes the set half too. On the AHB itself (RCC, CRC) a narrow write
 * changes only its own byte lanes. Reads always return the addressed lane of the 32-bit register.
 */
public abstract class WordRegisters implements Peripheral {

    private final boolean apb;

    /** @param apb true for a peripheral behind an APB bridge (lane duplication), false for an AHB slave */
    protected WordRegisters(boolean apb) {
        this.apb = apb;
    }

    /** The 32-bit register at a word-aligned offset (unknown offsets read 0). */
    protected abstract int readRegister(int offset);

    /** A 32-bit write to a word-aligned offset (unknown offsets ignore it). */
    protected abstract void writeRegister(int offset, int value);

    @Override
    public final int read(int offset, int size, BusMaster master) {
        int value = readRegister(offset & ~3) >>> (8 * (offset & 3));
        return size == 4 ? value : value & ((1 << (8 * size)) - 1);
    }

    @Override
    public final void write(int offset, int size, int value, BusMaster master) {
        int word = offset & ~3;
        if (size == 4) {
            writeRegister(word, value);
        } else if (apb) {
            writeRegister(word, size == 1 ? (value & 0xFF) * 0x0101_0101 : (value & 0xFFFF) * 0x0001_0001);
        } else {
            int shift = 8 * (offset & 3);
            int mask = (size == 1 ? 0xFF : 0xFFFF) << shift;
            writeRegister(word, readRegister(word) & ~mask | (value << shift) & mask);
        }
    }
}
