package io.blueflash.port.out;

/**
 * Bus accesses on the target's memory map, as a debugger's MEM-AP performs them.
 *
 * <p>Single accesses must be naturally aligned (half-words at even, words at multiple-of-4
 * addresses); an unaligned address is an {@link IllegalArgumentException}, never a silent split.
 * The width matters: the STM32F1 FPEC accepts only half-word writes while FLASH_CR.PG is set
 * (facts §B.4), so {@link #writeBlock} with {@link AccessWidth#HALFWORD} must issue 16-bit bus
 * writes and nothing wider.
 *
 * <p>A bus error (unmapped address, read-protected flash, wrong-width flash write) raises
 * {@link MemoryFaultException} with the faulting address.
 */
public interface MemoryAccess {

    int read32(int address);

    void write32(int address, int value);

    /** Returns the half-word zero-extended to an int. */
    int read16(int address);

    /** Writes the low 16 bits of {@code value}. */
    void write16(int address, int value);

    /** Returns the byte zero-extended to an int. */
    int read8(int address);

    /** Writes the low 8 bits of {@code value}. */
    void write8(int address, int value);

    /**
     * Reads {@code length} bytes from {@code address}, any alignment; the transport chooses the
     * widest accesses that fit.
     */
    default byte[] readBlock(int address, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) read8(address + i);
        }
        return out;
    }

    /**
     * Writes {@code data} to consecutive addresses using only bus accesses of {@code width};
     * {@code address} and {@code data.length} must be multiples of the width. Transports override
     * this with their block transfer (one ST-Link WRITEMEM command, one MEM-AP auto-increment run).
     */
    default void writeBlock(int address, byte[] data, AccessWidth width) {
        MemoryBlocks.checkAligned(address, data.length, width);
        for (int i = 0; i < data.length; i += width.bytes()) {
            switch (width) {
                case BYTE -> write8(address + i, data[i]);
                case HALFWORD -> write16(address + i, MemoryBlocks.halfWordAt(data, i));
                case WORD -> write32(address + i, MemoryBlocks.wordAt(data, i));
            }
        }
    }
}
