package io.blueflash.gdbserver;

import io.blueflash.debug.rsp.RspFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The stub's end of one gdb connection (GDB manual, "Remote Protocol", Overview and Interrupts):
 * {@code $data#cs} packets acknowledged with {@code +} or {@code -} until {@code QStartNoAckMode},
 * replies resent on {@code -}, and a 0x03 byte outside a packet as gdb's Ctrl-C. A reader thread
 * moves the bytes into a queue, so that the run loop can look for Ctrl-C (or a vanished gdb)
 * without blocking while the target runs.
 */
final class RspChannel implements AutoCloseable {

    /** What {@link #next()} found on the line. */
    sealed interface Incoming permits Packet, Interrupt, Closed { }

    /** A packet with a good checksum; {@code body} is as received (binary data still escaped). */
    record Packet(byte[] body) implements Incoming {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** 0x03 outside a packet. */
    record Interrupt() implements Incoming { }

    /** gdb closed the connection. */
    record Closed() implements Incoming { }

    private static final int END = -1;
    private static final int MAX_SEND_ATTEMPTS = 3;

    private final BlockingDeque<Integer> bytes = new LinkedBlockingDeque<>();
    private final OutputStream out;
    private final Thread reader;
    private boolean acknowledging = true;
    private boolean closed;

    RspChannel(InputStream in, OutputStream out, String name) {
        this.out = out;
        this.reader = new Thread(() -> pump(in), name + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in) {
        try {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    bytes.add(buffer[i] & 0xFF);
                }
            }
        } catch (IOException connectionGone) {
            // the peer reset the connection: same as an orderly end
        } finally {
            bytes.add(END);
        }
    }

    /** After the OK to {@code QStartNoAckMode}: no more {@code +}/{@code -} either way. */
    void stopAcknowledging() {
        acknowledging = false;
    }

    /** Blocks for the next packet or interrupt; acknowledgements and noise between packets are skipped. */
    Incoming next() throws IOException {
        while (true) {
            int b = take();
            if (b == END) {
                return new Closed();
            }
            if (b == 0x03) {
                return new Interrupt();
            }
            if (b != '$') {
                continue;
            }
            Packet packet = readBody();
            if (packet == null) {
                if (closed) {
                    return new Closed();
                }
                continue;
            }
            return packet;
        }
    }

    /**
     * While the target runs: true when gdb sent Ctrl-C; acknowledgements are consumed. A packet
     * arriving now (gdb gave up waiting) or the end of the connection counts as an interrupt too,
     * so the target is stopped and the session can end cleanly; {@link #isClosed()} tells which.
     */
    boolean interruptRequested() {
        Integer b;
        while ((b = bytes.poll()) != null) {
            if (b == END) {
                closed = true;
                return true;
            }
            if (b == 0x03) {
                return true;
            }
        }
        return false;
    }

    boolean isClosed() {
        return closed;
    }

    /** Reads after '$' to the checksum, acknowledges; null when rejected with '-' or cut off. */
    private Packet readBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int b = take();
            if (b == END) {
                closed = true;
                return null;
            }
            if (b == '#') {
                break;
            }
            if (b == '$') {
                body.reset();
                continue;
            }
            body.write(b);
        }
        int high = take();
        int low = high == END ? END : take();
        if (low == END) {
            closed = true;
            return null;
        }
        byte[] data = body.toByteArray();
        int sum = Character.digit(high, 16) << 4 | Character.digit(low, 16);
        boolean good = Character.digit(high, 16) >= 0 && Character.digit(low, 16) >= 0
                && sum == RspFrames.checksum(data, 0, data.length);
        if (acknowledging) {
            write(new byte[] {(byte) (good ? '+' : '-')});
        }
        return good || !acknowledging ? new Packet(data) : null;
    }

    /** Sends one reply; with acknowledgements on, waits for {@code +} and resends on {@code -}. */
    void send(byte[] payload) throws IOException {
        byte[] frame = RspFrames.frame(payload);
        for (int attempt = 1; ; attempt++) {
            write(frame);
            if (!acknowledging) {
                return;
            }
            int ack = take();
            if (ack == '+') {
                return;
            }
            if (ack != '-') {
                bytes.addFirst(ack); // the end, Ctrl-C or a new packet: for the next read
                return;
            }
            if (attempt >= MAX_SEND_ATTEMPTS) {
                return;
            }
        }
    }

    void send(String payload) throws IOException {
        send(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    private int take() throws IOException {
        try {
            return bytes.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading from gdb", e);
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
