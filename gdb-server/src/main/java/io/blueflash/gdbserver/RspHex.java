package io.blueflash.gdbserver;

import java.util.HexFormat;

/** Hex as RSP packets carry it: bytes as two digits each, words least significant byte first. */
final class RspHex {

    private static final HexFormat HEX = HexFormat.of();

    private RspHex() {
    }

    static String bytes(byte[] data) {
        return HEX.formatHex(data);
    }

    static byte[] parseBytes(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd-length hex data: " + hex.length() + " digits");
        }
        return HEX.parseHex(hex);
    }

    /** A 32-bit register value in target byte order (little-endian). */
    static String word(int value) {
        return HEX.toHexDigits(Integer.reverseBytes(value));
    }

    /** The little-endian word in {@code hex[from, from + 8)}. */
    static int parseWord(String hex, int from) {
        return Integer.reverseBytes(HexFormat.fromHexDigits(hex, from, from + 8));
    }

    /** An address or length field: up to 8 hex digits, most significant first. */
    static int number(String field) {
        if (field.isEmpty() || field.length() > 8) {
            throw new IllegalArgumentException("not a 32-bit hex number: '" + field + "'");
        }
        return (int) Long.parseLong(field, 16);
    }

    static String ascii(String text) {
        return HEX.formatHex(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
