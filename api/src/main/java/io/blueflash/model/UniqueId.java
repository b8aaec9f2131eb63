package io.blueflash.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A chip's 96-bit factory-programmed unique device ID (U_ID, RM0008 §30.2): the one name of a chip
 * that survives re-flashing, so per-target data (a serial number, a calibration block) is keyed by it.
 *
 * <p>Written as 24 hex digits, U_ID[95:0] most significant digit first, which is the word at
 * base+8, then base+4, then base (the order RM0008 §30.2 numbers the bits in).
 *
 * @param bytes the 12 bytes as they lie in memory from the base address (U_ID[7:0] first)
 */
public record UniqueId(byte[] bytes) {

    /** Bytes in a U_ID. */
    public static final int LENGTH = 12;

    public UniqueId {
        Objects.requireNonNull(bytes, "'bytes' must not be null");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a unique ID has 12 bytes (96 bits), not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** From the three words U_ID[31:0], U_ID[63:32], U_ID[95:64] as read at base, base+4, base+8. */
    public static UniqueId ofWords(int low, int middle, int high) {
        byte[] b = new byte[LENGTH];
        int[] words = {low, middle, high};
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < 4; i++) {
                b[w * 4 + i] = (byte) (words[w] >>> (8 * i));
            }
        }
        return new UniqueId(b);
    }

    /**
     * Parses the 24-digit form of {@link #text()}; separators ({@code :}, {@code -}, {@code _},
     * spaces) and a {@code 0x} prefix are ignored, case does not matter.
     *
     * @throws IllegalArgumentException unless 24 hex digits remain
     */
    public static UniqueId parse(String text) {
        Objects.requireNonNull(text, "'text' must not be null");
        String digits = text.trim().toLowerCase(Locale.ROOT);
        if (digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        digits = digits.replaceAll("[:\\-_\\s]", "");
        if (digits.length() != 2 * LENGTH || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + text + "' is not a 96-bit unique ID: expected 24 hex digits, "
                    + "U_ID[95:0] most significant first (RM0008 §30.2)");
        }
        byte[] msbFirst = HexFormat.of().parseHex(digits);
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            b[i] = msbFirst[LENGTH - 1 - i];
        }
        return new UniqueId(b);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 24 hex digits, U_ID[95:0] most significant first, upper case. */
    public String text() {
        StringBuilder sb = new StringBuilder(2 * LENGTH);
        for (int i = LENGTH - 1; i >= 0; i--) {
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UniqueId u && Arrays.equals(bytes, u.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
