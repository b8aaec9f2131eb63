package io.blueflash.sim.serve;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Output of a client session: counts what is sent and, when pacing is on, holds each write back to simulated time. */
final class PacedOutputStream extends FilterOutputStream {

    private final ClientSession session;

    PacedOutputStream(OutputStream out, ClientSession session) {
        super(out);
        this.session = session;
    }

    @Override
    public void write(int b) throws IOException {
        session.pace();
        out.write(b);
        session.sent(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        session.pace();
        out.write(b, off, len);
        session.sent(len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
