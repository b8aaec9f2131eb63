package io.blueflash.transport.serial.gdb;

import io.blueflash.debug.rsp.RspFrames;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Byte-level rules of the GDB remote serial protocol, host side (facts §F.2): packet framing
 * {@code $data#cs}, the modulo-256 checksum over the transmitted bytes, binary escaping of
 * {@code # $ } *} (0x7D then byte XOR 0x20) — those shared with {@code blueflash gdb-server} through
 * api's {@link RspFrames} — and run-length expansion of stub replies
 * ({@code c*n} = {@code c} repeated {@code n - 29} more times), which only a client needs.
 *
 * <p>Escaping and run-length encoding live on different layers: a stub's reply is first
 * run-length expanded (always), then un-escaped only by the callers that expect binary data
 * (qXfer, binary memory reads).
 */
public final class RspCodec {

    /** Escape lead-in for binary data (facts §F.2). */
    public static final int ESCAPE = 0x7D;
    private static final HexFormat HEX = HexFormat.of();

    private RspCodec() {
    }

    /** Sum of {@code bytes[from, to)} modulo 256, as RSP defines the checksum. */
    public static int checksum(byte[] bytes, int from, int to) {
        return RspFrames.checksum(bytes, from, to);
    }

    /** The complete wire form {@code $payload#cs} of an already escaped payload. */
    public static byte[] frame(byte[] payload) {
        return RspFrames.frame(payload);
    }

    /** True for the bytes that must be escaped inside binary data: {@code # $ } *}. */
    public static boolean needsEscape(int b) {
        return RspFrames.needsEscape(b);
    }

    /** Escapes binary data for X and vFlashWrite packets (facts §F.2). */
    public static byte[] escape(byte[] data) {
        return RspFrames.escape(data);
    }

    /** Undoes {@link #escape}; a trailing lone escape byte is a protocol error. */
    public static byte[] unescape(byte[] data, int from) {
        try {
            return RspFrames.unescape(data, from);
        } catch (IllegalArgumentException e) {
            throw new RspProtocolException(e.getMessage(), e);
        }
    }

    /**
     * Expands run-length encoding in a received packet body: {@code X*n} stands for {@code X}
     * followed by {@code n - 29} more copies. An escape pair is copied as it is, so an escaped
     * byte is never mistaken for {@code *}.
     */
    public static byte[] expandRunLength(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
        int previous = -1;
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b == '*') {
                if (previous < 0 || i + 1 >= body.length) {
                    throw new RspProtocolException("run-length marker '*' without a byte to repeat or a count");
                }
                int repeat = (body[++i] & 0xFF) - 29;
                if (repeat < 3 || repeat > 97) {
                    throw new RspProtocolException("invalid run-length count character 0x"
                            + HEX.toHexDigits(body[i]));
                }
                for (int r = 0; r < repeat; r++) {
                    out.write(previous);
                }
                previous = -1;
            } else if (b == ESCAPE && i + 1 < body.length) {
                out.write(b);
                out.write(body[++i]);
                previous = -1;
            } else {
                out.write(b);
                previous = b;
            }
        }
        return out.toByteArray();
    }

    public static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    public static String hexOf(String ascii) {
        return HEX.formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes an even-length hex string (either case); anything else is a protocol error. */
    public static byte[] unhex(CharSequence text) {
        if (text.length() % 2 != 0) {
            throw new RspProtocolException("odd-length hex data in reply: '" + abbreviate(text) + "'");
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new RspProtocolException("reply is not hex data: '" + abbreviate(text) + "'");
        }
    }

    public static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Up to 60 characters of {@code text} for error messages. */
    public static String abbreviate(CharSequence text) {
        String s = text.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
