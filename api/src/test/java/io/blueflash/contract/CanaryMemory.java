package io.blueflash.contract;

import java.util.Arrays;

/**
 * A RAM whose never-written bytes hold a canary pattern derived from the address (probe-rs
 * {@code MockMemoryAp}), so a test can tell a byte nobody wrote from a byte clobbered by a wide or
 * misplaced access: {@link #untouchedOutside} checks that only the intended range changed.
 */
public final class CanaryMemory {

    private final long base;
    private final byte[] bytes;

    public CanaryMemory(long base, int size) {
        this.base = base;
        this.bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = canary(base + i);
        }
    }

    /** The canary value of {@code address}: never 0x00 or 0xFF, varies with every byte. */
    public static byte canary(long address) {
        return (byte) (0x5A ^ (address * 0x9E37 >>> 3) & 0x7F | 0x01);
    }

    public boolean contains(long address, int length) {
        return address >= base && address + length <= base + bytes.length;
    }

    public int get(long address) {
        return bytes[(int) (address - base)] & 0xFF;
    }

    public void set(long address, int value) {
        bytes[(int) (address - base)] = (byte) value;
    }

    /** True when every byte outside [from, from+length) still holds its canary. */
    public boolean untouchedOutside(long from, int length) {
        for (int i = 0; i < bytes.length; i++) {
            long address = base + i;
            if ((address < from || address >= from + length) && bytes[i] != canary(address)) {
                return false;
            }
        }
        return true;
    }

    public byte[] snapshot() {
        return Arrays.copyOf(bytes, bytes.length);
    }
}
