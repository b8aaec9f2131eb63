package io.blueflash.sim.gdb;

import java.io.ByteArrayOutputStream;

/** Binary data inside RSP packets (facts §F.2): 0x7D escapes {@code # $ } *} as byte XOR 0x20. */
final class RspBinary {

    static final int ESCAPE = 0x7D;

    private RspBinary() {
    }

    static byte[] escape(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 8);
        for (byte value : data) {
            int b = value & 0xFF;
            if (b == '#' || b == '$' || b == ESCAPE || b == '*') {
                out.write(ESCAPE);
                out.write(b ^ 0x20);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Un-escapes {@code body[from, body.length)}; null when it ends inside an escape pair. */
    static byte[] unescape(byte[] body, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length - from);
        for (int i = from; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b == ESCAPE) {
                if (++i >= body.length) {
                    return null;
                }
                b = (body[i] & 0xFF) ^ 0x20;
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
