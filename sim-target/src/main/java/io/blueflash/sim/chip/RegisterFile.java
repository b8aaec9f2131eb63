package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;
import java.util.HashMap;
import java.util.Map;

/**
 * A block of plain 32-bit registers with reset values: the RCC, IWDG and trace-unit stubs that
 * tools touch (facts §A.1: RCC_AHBENR, IWDG_KR; §C.6: DWT/FPB/ITM). Writes store, reads return
 * the stored word; write-only registers are listed so they read 0.
 */
public final class RegisterFile implements BusDevice {

    private final Map<Integer, Integer> resetValues;
    private final java.util.Set<Integer> writeOnly;
    private final Map<Integer, Integer> words = new HashMap<>();

    public RegisterFile(Map<Integer, Integer> resetValues, java.util.Set<Integer> writeOnly) {
        this.resetValues = Map.copyOf(resetValues);
        this.writeOnly = java.util.Set.copyOf(writeOnly);
        reset();
    }

    public void reset() {
        words.clear();
        words.putAll(resetValues);
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        int word = offset & ~3;
        int value = writeOnly.contains(word) ? 0 : words.getOrDefault(word, 0);
        return value >>> (8 * (offset & 3)) & (size == 4 ? -1 : (1 << (8 * size)) - 1);
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        int word = offset & ~3;
        int shift = 8 * (offset & 3);
        int mask = (size == 4 ? -1 : (1 << (8 * size)) - 1) << shift;
        int old = words.getOrDefault(word, 0);
        words.put(word, old & ~mask | (value << shift) & mask);
    }
}
