package io.blueflash.gdbserver;

import io.blueflash.port.out.MemoryAccess;
import java.util.HashMap;
import java.util.Map;

/** A little-endian memory of bytes for unit tests; reads of unwritten bytes give 0. */
final class WordMemory implements MemoryAccess {

    final Map<Integer, Integer> bytes = new HashMap<>();

    @Override
    public int read32(int address) {
        return read16(address) | read16(address + 2) << 16;
    }

    @Override
    public void write32(int address, int value) {
        write16(address, value);
        write16(address + 2, value >>> 16);
    }

    @Override
    public int read16(int address) {
        return read8(address) | read8(address + 1) << 8;
    }

    @Override
    public void write16(int address, int value) {
        write8(address, value);
        write8(address + 1, value >>> 8);
    }

    @Override
    public int read8(int address) {
        return bytes.getOrDefault(address, 0);
    }

    @Override
    public void write8(int address, int value) {
        bytes.put(address, value & 0xFF);
    }
}
