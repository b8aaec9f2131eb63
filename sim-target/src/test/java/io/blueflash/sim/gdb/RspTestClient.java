package io.blueflash.sim.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal GDB stand-in for emulator tests: the emulator serves on its own thread over piped
 * streams, the test writes raw packets and reads raw replies (acknowledging them as GDB does).
 */
final class RspTestClient implements AutoCloseable {

    private final OutputStream toEmulator;
    private final InputStream fromEmulator;
    private final Thread server;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    RspTestClient(GdbServerEmulator emulator) throws IOException {
        PipedInputStream emulatorIn = new PipedInputStream(1 << 16);
        toEmulator = new PipedOutputStream(emulatorIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream emulatorOut = new PipedOutputStream(clientIn);
        fromEmulator = clientIn;
        server = new Thread(() -> {
            try (emulatorOut) {
                emulator.serve(emulatorIn, emulatorOut);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "gdb-emulator-under-test");
        server.setDaemon(true);
        server.start();
    }

    static String frame(String payload) {
        return frame(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String frame(byte[] payload) {
        int sum = 0;
        for (byte b : payload) {
            sum += b & 0xFF;
        }
        return "$" + new String(payload, StandardCharsets.ISO_8859_1) + "#" + HexFormat.of().toHexDigits((byte) sum);
    }

    void writeRaw(String bytes) {
        try {
            toEmulator.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            toEmulator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a packet, expects '+', returns the next reply (acknowledged). */
    String request(String payload) {
        return request(payload.getBytes(StandardCharsets.ISO_8859_1));
    }

    String request(byte[] payload) {
        writeRaw(frame(payload));
        int ack = readByte();
        if (ack != '+') {
            throw new AssertionError("expected '+' but the emulator sent '" + (char) ack + "'");
        }
        return readReply();
    }

    /** Reads the next packet from the emulator and acknowledges it. */
    String readReply() {
        int b;
        do {
            b = readByte();
        } while (b != '$');
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while ((b = readByte()) != '#') {
            body.write(b);
        }
        readByte();
        readByte();
        writeRaw("+");
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    /** Runs a monitor command: returns the decoded O output followed by "|" and the final reply. */
    String monitor(String command) {
        String reply = request("qRcmd," + HexFormat.of().formatHex(command.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder output = new StringBuilder();
        while (reply.startsWith("O") && !reply.equals("OK")) {
            output.append(new String(HexFormat.of().parseHex(reply.substring(1)), StandardCharsets.US_ASCII));
            reply = readReply();
        }
        return output + "|" + reply;
    }

    int readByte() {
        try {
            int b = fromEmulator.read();
            if (b < 0) {
                throw new AssertionError("emulator closed the stream; failure: " + failure.get());
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("emulator failure: " + failure.get(), e);
        }
    }

    Throwable failure() {
        return failure.get();
    }

    boolean serverAlive() {
        return server.isAlive();
    }

    void joinServer() throws InterruptedException {
        server.join(10_000);
    }

    @Override
    public void close() throws IOException {
        toEmulator.close();
    }
}
