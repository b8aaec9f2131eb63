package io.blueflash.port.out;

/** Little-endian packing and alignment checks shared by {@link MemoryAccess} implementations. */
public final class MemoryBlocks {

    private MemoryBlocks() {
    }

    public static void checkAligned(int address, int length, AccessWidth width) {
        if (!width.isAligned(Integer.toUnsignedLong(address)) || length % width.bytes() != 0) {
            throw new IllegalArgumentException(String.format(
                    "%s block at 0x%08X of %d bytes is not %d-byte aligned",
                    width, address, length, width.bytes()));
        }
    }

    public static int halfWordAt(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    public static int wordAt(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8
                | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
    }

    public static void putHalfWord(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    public static void putWord(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
        data[offset + 2] = (byte) (value >>> 16);
        data[offset + 3] = (byte) (value >>> 24);
    }
}
