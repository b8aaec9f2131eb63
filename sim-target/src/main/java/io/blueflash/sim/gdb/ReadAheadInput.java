package io.blueflash.sim.gdb;

import java.io.IOException;
import java.io.InputStream;

/**
 * GDB's bytes, taken from the stream in blocks of what it reports as available: a 1 KB vFlashWrite is
 * then a few reads of the pty or socket instead of a thousand. It never asks for more than is
 * available, so it never blocks where a byte-at-a-time reader would not (unlike
 * {@link java.io.BufferedInputStream}, whose fill may wait for a whole buffer on some streams).
 */
final class ReadAheadInput extends InputStream {

    private final InputStream in;
    private final byte[] buffer = new byte[4096];
    private int position;
    private int limit;

    ReadAheadInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (position < limit) {
            return buffer[position++] & 0xFF;
        }
        int ready = in.available();
        if (ready <= 0) {
            return in.read(); // nothing waiting: block for one byte, as before
        }
        int n = in.read(buffer, 0, Math.min(ready, buffer.length));
        if (n <= 0) {
            return n < 0 ? -1 : in.read();
        }
        position = 1;
        limit = n;
        return buffer[0] & 0xFF;
    }

    @Override
    public int available() throws IOException {
        return (limit - position) + in.available();
    }
}
