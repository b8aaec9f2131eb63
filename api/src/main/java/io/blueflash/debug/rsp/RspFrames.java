package io.blueflash.debug.rsp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Packet framing of the GDB remote serial protocol (GDB manual, "Remote Protocol", Overview and
 * Binary Data): {@code $data#cs} with a modulo-256 checksum of the data as transmitted, and binary
 * data escaped with 0x7D followed by the byte XOR 0x20 for {@code # $ } *}.
 */
public final class RspFrames {

    /** Escape lead-in for binary data. */
    public static final int ESCAPE = 0x7D;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private RspFrames() {
    }

    /** Sum of {@code bytes[from, to)} modulo 256, as RSP defines the checksum. */
    public static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /** The complete wire form {@code $payload#cs} of an already escaped payload. */
    public static byte[] frame(byte[] payload) {
        byte[] frame = new byte[payload.length + 4];
        frame[0] = '$';
        System.arraycopy(payload, 0, frame, 1, payload.length);
        int sum = checksum(payload, 0, payload.length);
        frame[payload.length + 1] = '#';
        frame[payload.length + 2] = HEX_DIGITS[sum >> 4];
        frame[payload.length + 3] = HEX_DIGITS[sum & 0xF];
        return frame;
    }

    /** True for the bytes that must be escaped inside binary data: {@code # $ } *}. */
    public static boolean needsEscape(int b) {
        return b == '#' || b == '$' || b == ESCAPE || b == '*';
    }

    /** Escapes binary data (X, vFlashWrite, qXfer replies). */
    public static byte[] escape(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 16 + 1);
        for (byte b : data) {
            if (needsEscape(b & 0xFF)) {
                out.write(ESCAPE);
                out.write((b & 0xFF) ^ 0x20);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /**
     * Undoes {@link #escape} on {@code data[from, data.length)}.
     *
     * @throws IllegalArgumentException when the data ends inside an escape pair
     */
    public static byte[] unescape(byte[] data, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, data.length - from));
        for (int i = from; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (b == ESCAPE) {
                if (++i >= data.length) {
                    throw new IllegalArgumentException("binary data ends inside an escape sequence (0x7D)");
                }
                b = (data[i] & 0xFF) ^ 0x20;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
