package io.blueflash.transport.serial.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link SerialLine} over a pair of byte streams: piped streams to an in-process emulator, a
 * socket to a serial-over-TCP bridge. A daemon thread pumps the input into a buffer so reads can
 * time out; the settings only describe the far end (they frame nothing here).
 */
public final class StreamSerialLine implements SerialLine {

    private final String portName;
    private final SerialSettings settings;
    private final InputStream in;
    private final OutputStream out;
    private final Object lock = new Object();
    private byte[] buffer = new byte[4096];
    private int head;
    private int tail;
    private boolean endOfStream;
    private IOException failure;

    public StreamSerialLine(String portName, SerialSettings settings, InputStream in, OutputStream out) {
        this.portName = Objects.requireNonNull(portName, "'portName' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.in = Objects.requireNonNull(in, "'in' must not be null");
        this.out = Objects.requireNonNull(out, "'out' must not be null");
        Thread pump = new Thread(this::pump, "serial-pump " + portName);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        byte[] chunk = new byte[1024];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                synchronized (lock) {
                    append(chunk, n);
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lock) {
                failure = e;
            }
        } finally {
            synchronized (lock) {
                endOfStream = true;
                lock.notifyAll();
            }
        }
    }

    private void append(byte[] chunk, int n) {
        if (tail + n > buffer.length) {
            int used = tail - head;
            byte[] grown = used + n > buffer.length ? new byte[Math.max(buffer.length * 2, used + n)] : buffer;
            System.arraycopy(buffer, head, grown, 0, used);
            buffer = grown;
            head = 0;
            tail = used;
        }
        System.arraycopy(chunk, 0, buffer, tail, n);
        tail += n;
    }

    @Override
    public String portName() {
        return portName;
    }

    @Override
    public SerialSettings settings() {
        return settings;
    }

    @Override
    public void write(byte[] data) {
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new SerialLineException("writing " + data.length + " byte(s) to " + portName + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("'count' must not be negative: " + count);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (tail - head < count) {
                if (endOfStream) {
                    String why = failure == null ? "the other end closed the line"
                            : "reading failed: " + failure.getMessage();
                    throw new SerialLineException(String.format("%s: got %d of %d byte(s), %s", portName,
                            tail - head, count, why), failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    int got = tail - head;
                    head = tail;
                    throw new SerialTimeoutException(portName, count, got, timeout);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SerialLineException("interrupted while reading from " + portName, e);
                }
            }
            byte[] result = new byte[count];
            System.arraycopy(buffer, head, result, 0, count);
            head += count;
            return result;
        }
    }

    @Override
    public void discardInput() {
        synchronized (lock) {
            head = tail;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException | UncheckedIOException ignored) {
            // closing never throws
        }
        try {
            in.close();
        } catch (IOException | UncheckedIOException ignored) {
            // closing never throws
        }
    }

    @Override
    public String toString() {
        return portName + " (" + settings + ")";
    }
}
