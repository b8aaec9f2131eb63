package io.blueflash.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A one-way in-memory byte stream between two threads (host transport and device emulator),
 * standing in for a serial cable. Unlike {@link java.io.PipedInputStream} it wakes the reader as
 * soon as bytes arrive (no one-second polling), counts what passes, and either end may close it.
 */
final class BytePipe {

    private final byte[] ring = new byte[1 << 16];
    private int head;
    private int size;
    private boolean closed;
    private long transferred;

    /** Bytes written so far. */
    synchronized long transferred() {
        return transferred;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                synchronized (BytePipe.this) {
                    while (size == 0 && !closed) {
                        waitHere();
                    }
                    if (size == 0) {
                        return -1;
                    }
                    int n = Math.min(len, size);
                    for (int i = 0; i < n; i++) {
                        b[off + i] = ring[(head + i) & (ring.length - 1)];
                    }
                    head = (head + n) & (ring.length - 1);
                    size -= n;
                    BytePipe.this.notifyAll();
                    return n;
                }
            }

            @Override
            public int available() {
                synchronized (BytePipe.this) {
                    return size;
                }
            }

            @Override
            public void close() {
                BytePipe.this.close();
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (BytePipe.this) {
                    int done = 0;
                    while (done < len) {
                        if (closed) {
                            throw new IOException("the other end closed the line");
                        }
                        if (size == ring.length) {
                            waitHere();
                            continue;
                        }
                        int tail = (head + size) & (ring.length - 1);
                        ring[tail] = b[off + done];
                        size++;
                        done++;
                    }
                    transferred += len;
                    BytePipe.this.notifyAll();
                }
            }

            @Override
            public void close() {
                BytePipe.this.close();
            }
        };
    }

    /** Wakes the other side (it may be waiting for what this side just did), then waits. */
    private void waitHere() throws IOException {
        notifyAll();
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
