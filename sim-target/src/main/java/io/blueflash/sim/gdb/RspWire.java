package io.blueflash.sim.gdb;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The probe's end of the GDB remote serial protocol (facts §F.2): reads {@code $data#cs} packets,
 * checks the modulo-256 checksum and answers {@code +} or {@code -}, sends replies and resends
 * them on {@code -} (three attempts, as BMP does), and switches acknowledgements off after
 * {@code QStartNoAckMode} until the session ends (a new GDB's {@code qSupported}, or {@code D}/{@code k}
 * through {@link #enableAcks}). A 0x03 byte outside a packet is an interrupt request; 0x04 or the end of
 * the stream ends the session.
 *
 * <p>Written independently of the host's codec on purpose: the two meet on the byte stream.
 * Every write in either direction is reported to the {@link LinkMeter} as one USB bulk transfer, so
 * that the USB CDC cost ({@link UsbCdcLinkModel}) lands on the simulated clock: a packet from its
 * {@code $} to its checksum, a reply frame, and each lone byte ({@code +}, {@code -}, Ctrl-C).
 */
final class RspWire {

    /** What {@link #next()} found on the line. */
    sealed interface Incoming permits Packet, Interrupt, EndOfSession { }

    /** A packet whose checksum was right; {@code body} is the raw (still escaped) data. */
    record Packet(byte[] body) implements Incoming {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** 0x03 outside a packet: GDB's Ctrl-C. */
    record Interrupt() implements Incoming { }

    /** 0x04 or end of stream. */
    record EndOfSession() implements Incoming { }

    static final int MAX_SEND_ATTEMPTS = 3;
    private static final byte[] NEW_SESSION = "qSupported".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;
    private final LinkMeter meter;
    private boolean ackMode = true;
    /** A byte read while waiting for an acknowledgement that belongs to what follows (-1: none). */
    private int pushedBack = -1;
    private int badChecksums;

    /** Receives the size of each bulk transfer in either direction (USB CDC cost model). */
    interface LinkMeter {
        LinkMeter NONE = new LinkMeter() {
            @Override
            public void received(int bytes) {
            }

            @Override
            public void sent(int bytes) {
            }
        };

        void received(int bytes);

        void sent(int bytes);
    }

    RspWire(InputStream in, OutputStream out, LinkMeter meter) {
        this.in = in;
        this.out = out;
        this.meter = meter;
    }

    /** Acknowledgements stop after the OK reply to {@code QStartNoAckMode}. */
    void disableAcks() {
        ackMode = false;
    }

    /** Acknowledgements resume when the session ends ({@code D}, {@code k}), as BMP firmware does. */
    void enableAcks() {
        ackMode = true;
    }

    boolean ackMode() {
        return ackMode;
    }

    /** Packets rejected with '-' so far (bad checksum or framing). */
    int badChecksums() {
        return badChecksums;
    }

    /** True when GDB has sent something not read yet (checked while the core runs). */
    boolean inputWaiting() throws IOException {
        return pushedBack >= 0 || in.available() > 0;
    }

    /** Blocks for the next packet or interrupt; stray acknowledgements are skipped. */
    Incoming next() throws IOException {
        while (true) {
            int b = takePushedBack();
            if (b < 0) {
                b = in.read();
            }
            if (b >= 0 && b != '$') {
                meter.received(1);
            }
            if (b < 0 || b == 0x04) {
                return new EndOfSession();
            }
            if (b == 0x03) {
                return new Interrupt();
            }
            if (b != '$') {
                continue; // '+', '-' or line noise between packets
            }
            Packet packet = readBody();
            if (packet != null) {
                return packet;
            }
        }
    }

    /**
     * Reads after '$' up to the checksum, reporting the packet as one transfer; null when the packet
     * was rejected with '-'.
     */
    private Packet readBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int sum = 0;
        int wireBytes = 1; // the '$' next() read
        while (true) {
            int b = readByte();
            wireBytes++;
            if (b == '#') {
                break;
            }
            if (b == '$') { // a new packet started: the previous one was truncated
                body.reset();
                sum = 0;
                continue;
            }
            body.write(b);
            sum += b;
        }
        int high = hexValue(readByte());
        int low = hexValue(readByte());
        meter.received(wireBytes + 2); // with the two checksum digits
        boolean good = high >= 0 && low >= 0 && ((high << 4) | low) == (sum & 0xFF);
        if (good && startsWith(body.toByteArray(), NEW_SESSION)) {
            ackMode = true; // a new GDB opens with qSupported and expects it acknowledged
        }
        if (ackMode) {
            writeRaw(new byte[] {(byte) (good ? '+' : '-')});
        }
        if (!good && ackMode) {
            badChecksums++;
            return null;
        }
        return new Packet(body.toByteArray());
    }

    /** Sends a reply packet; in acknowledgement mode waits for '+' and resends on '-'. */
    void send(byte[] payload) throws IOException {
        byte[] frame = frame(payload);
        for (int attempt = 1; ; attempt++) {
            writeRaw(frame);
            if (!ackMode) {
                return;
            }
            int ack = readByte();
            if (ack == '+') {
                meter.received(1);
                return;
            }
            if (ack == '$' || ack == 0x03) {
                // a new packet or an interrupt instead of an acknowledgement: a new GDB that never saw
                // this reply (its predecessor died); stop resending and let next() read what it sends
                pushedBack = ack;
                return;
            }
            meter.received(1);
            if (attempt >= MAX_SEND_ATTEMPTS) {
                return; // BMP gives up after three tries and goes back to reading packets
            }
            // '-' or anything unexpected: send again
        }
    }

    void send(String payload) throws IOException {
        send(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] frame(byte[] payload) {
        byte[] frame = new byte[payload.length + 4];
        frame[0] = '$';
        int sum = 0;
        for (int i = 0; i < payload.length; i++) {
            frame[i + 1] = payload[i];
            sum += payload[i] & 0xFF;
        }
        frame[payload.length + 1] = '#';
        frame[payload.length + 2] = HEX[(sum >> 4) & 0xF];
        frame[payload.length + 3] = HEX[sum & 0xF];
        return frame;
    }

    private void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        meter.sent(bytes.length);
    }

    private int takePushedBack() {
        int b = pushedBack;
        pushedBack = -1;
        return b;
    }

    private int readByte() throws IOException {
        int pending = takePushedBack();
        if (pending >= 0) {
            return pending;
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("GDB closed the connection inside a packet");
        }
        return b;
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int hexValue(int c) {
        return Character.digit(c, 16);
    }
}
