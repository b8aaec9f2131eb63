package io.blueflash.chip;

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
        Integer v = words.get(address);
        if (v == null) {
            throw new MemoryFaultException(address, "bus fault");
        }
        return v;
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
