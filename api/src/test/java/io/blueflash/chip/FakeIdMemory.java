package io.blueflash.chip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A bus with a few ID registers; unmapped addresses fault, writes are refused. Records reads. */
final class FakeIdMemory implements MemoryAccess {

    private final Map<Integer, Integer> words = new HashMap<>();
    private final Map<Integer, Integer> halfWords = new HashMap<>();
    final List<String> reads = new ArrayList<>();

    static FakeIdMemory genuineF103c8() {
        return new FakeIdMemory().word(ChipIdentifier.CPUID, 0x411F_C231).word(ChipIdentifier.DBGMCU_IDCODE, 0x2003_6410)
                .half(ChipIdentifier.F_SIZE, 64);
    }

    FakeIdMemory word(int address, int value) {
        words.put(address, value);
        return this;
    }

    FakeIdMemory half(int address, int value) {
        halfWords.put(address, value);
        return this;
    }

    FakeIdMemory unmap(int address) {
        words.remove(address);
        halfWords.remove(address);
        return this;
    }

    @Override
    public int read32(int address) {
        reads.add(String.format("read32 0x%08X", address));
        return word(address);
    }

    /** A word, or a half-word register with what follows it (0xFFFF, as in system memory) above it. */
    private int word(int address) {
        Integer v = words.get(address);
        if (v == null && halfWords.containsKey(address)) {
            v = halfWords.get(address) | halfWords.getOrDefault(address + 2, 0xFFFF) << 16;
        }
        if (v == null) {
            throw new MemoryFaultException(address, "bus fault");
        }
        return v;
    }

    /** Word by word; inside a block with a mapped word, the words not set read 0 (reserved ID registers). */
    @Override
    public byte[] readBlock(int address, int length) {
        reads.add(String.format("readBlock 0x%08X %d", address, length));
        boolean mapped = words.keySet().stream().anyMatch(a -> a - address >= 0 && a - address < length);
        if (!mapped) {
            throw new MemoryFaultException(address, "bus fault");
        }
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < length; i += 4) {
            out.putInt(words.getOrDefault(address + i, 0));
        }
        return out.array();
    }

    @Override
    public int read16(int address) {
        reads.add(String.format("read16 0x%08X", address));
        Integer v = halfWords.get(address);
        if (v == null) {
            throw new MemoryFaultException(address, "bus fault");
        }
        return v;
    }

    @Override
    public int read8(int address) {
        throw new MemoryFaultException(address, "not modelled");
    }

    @Override
    public void write32(int address, int value) {
        throw new AssertionError("identification must not write");
    }

    @Override
    public void write16(int address, int value) {
        throw new AssertionError("identification must not write");
    }

    @Override
    public void write8(int address, int value) {
        throw new AssertionError("identification must not write");
    }
}
