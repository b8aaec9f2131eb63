package io.blueflash.flash.stm32f1;

/**
 * The CRC-32 of the STM32 CRC calculation unit (RM0008 §4.2): polynomial 0x04C1_1DB7, initial value
 * 0xFFFF_FFFF, each 32-bit word fed most significant bit first, no reflection and no final XOR. Flash
 * bytes are fed as the little-endian words the core reads. It is not {@code java.util.zip.CRC32}
 * (which reflects bits and inverts the result); it is chosen because the chip computes it in
 * hardware, 4 AHB cycles per word, so a 64 KB check costs the core about 12 ms at 8 MHz.
 */
final class Stm32Crc32 {

    private static final int POLYNOMIAL = 0x04C1_1DB7;
    private static final int[] TABLE = table();

    private Stm32Crc32() {
    }

    /** The CRC of {@code data}, whose length is a multiple of 4, from the reset value. */
    static int of(byte[] data) {
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("the CRC unit takes whole words: " + data.length + " bytes");
        }
        int crc = 0xFFFF_FFFF;
        for (int i = 0; i < data.length; i += 4) {
            // the word's bytes, most significant (data[i + 3]) first
            for (int b = 3; b >= 0; b--) {
                crc = crc << 8 ^ TABLE[(crc >>> 24 ^ data[i + b]) & 0xFF];
            }
        }
        return crc;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x8000_0000) != 0 ? c << 1 ^ POLYNOMIAL : c << 1;
            }
            table[i] = c;
        }
        return table;
    }
}
