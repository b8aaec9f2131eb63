package io.blueflash.transport.serial.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Line noise: flips bits of the byte at one position of the stream, once. */
public final class CorruptingOutputStream extends FilterOutputStream {

    private final long position;
    private final int xorMask;
    private long written;

    public CorruptingOutputStream(OutputStream out, long position, int xorMask) {
        super(out);
        this.position = position;
        this.xorMask = xorMask;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(written++ == position ? b ^ xorMask : b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        byte[] copy = new byte[len];
        for (int i = 0; i < len; i++) {
            copy[i] = (byte) (written++ == position ? b[off + i] ^ xorMask : b[off + i]);
        }
        out.write(copy);
    }
}
