package io.blueflash.gdbserver;

import io.blueflash.debug.rsp.RspFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal gdb for protocol tests: sends framed packets, acknowledges replies, returns their bodies. */
final class RawGdb implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawGdb(int port) throws IOException {
        socket = new Socket(java.net.InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code payload} and returns the reply (O packets included, as separate calls to {@link #reply()}). */
    String ask(String payload) throws IOException {
        send(payload);
        return reply();
    }

    void send(String payload) throws IOException {
        out.write(RspFrames.frame(payload.getBytes(StandardCharsets.ISO_8859_1)));
        out.flush();
    }

    void sendRaw(int b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** The next packet's body (acknowledgements before it skipped); null when the server closed the line. */
    String reply() throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != '$');
        StringBuilder body = new StringBuilder();
        while ((b = in.read()) != '#') {
            if (b < 0) {
                return null;
            }
            body.append((char) b);
        }
        in.read();
        in.read();
        out.write('+');
        out.flush();
        return body.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
