package io.blueflash.gdbserver;

/**
 * The CRC of gdb's {@code qCRC} packet (used by {@code compare-sections}): CRC-32 with polynomial
 * 0x04C11DB7, most significant bit first, initial value 0xFFFFFFFF, no final inversion (GDB manual,
 * "General Query Packets", qCRC; the same as gdb's own {@code xcrc32}).
 */
final class GdbCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000_0000) != 0 ? (c << 1) ^ 0x04C1_1DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private GdbCrc() {
    }

    static int update(int crc, byte[] data) {
        for (byte b : data) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xFF];
        }
        return crc;
    }

    static int of(byte[] data) {
        return update(0xFFFF_FFFF, data);
    }
}
