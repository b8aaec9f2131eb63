package io.blueflash.sim.gdb;

/**
 * The CRC GDB's {@code qCRC} packet (and so {@code compare-sections}) expects: CRC-32 with
 * polynomial 0x04C11DB7 processed MSB first, initial value 0xFFFFFFFF, no reflection and no final
 * inversion (GDB's {@code xcrc32}; not the zip CRC of {@link java.util.zip.CRC32}).
 */
final class GdbCrc32 {

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

    private GdbCrc32() {
    }

    static int of(byte[] data) {
        int crc = 0xFFFF_FFFF;
        for (byte b : data) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b) & 0xFF];
        }
        return crc;
    }
}
