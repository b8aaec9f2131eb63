package io.blueflash.sim.jtag;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The device side of OpenOCD's {@code remote_bitbang} protocol: one ASCII character per action
 * (conformance.md). {@code '0'}–{@code '7'} drive TCK (4), TMS (2) and TDI (1); {@code 'R'} answers
 * TDO as {@code '0'}/{@code '1'}; {@code 'r'}–{@code 'u'} set TRST (2) and SRST (1), asserted when
 * the bit is set; {@code 'B'}/{@code 'b'} (LED) are accepted; {@code 'Q'} ends the session. Replies
 * are flushed whenever the client has nothing more queued, so OpenOCD's batched reads never stall.
 */
public final class RemoteBitbangServer {

    private final JtagScanChain chain;
    private final Consumer<Boolean> srst;
    private boolean srstAsserted;
    private long ignoredCharacters;

    /** @param srst receives the NRST level (true = asserted) when it changes */
    public RemoteBitbangServer(JtagScanChain chain, Consumer<Boolean> srst) {
        if (chain == null) {
            throw new IllegalArgumentException("'chain' must not be null");
        }
        if (srst == null) {
            throw new IllegalArgumentException("'srst' must not be null");
        }
        this.chain = chain;
        this.srst = srst;
    }

    public JtagScanChain chain() {
        return chain;
    }

    /** Characters that are not part of the JTAG protocol (e.g. the SWD extensions of newer OpenOCD). */
    public long ignoredCharacters() {
        return ignoredCharacters;
    }

    /** Serves one client until {@code 'Q'} or end of input; each client starts from a clean chain and DP. */
    public void serve(InputStream input, OutputStream output) throws IOException {
        chain.startSession();
        InputStream in = new BufferedInputStream(input, 8192);
        OutputStream out = new BufferedOutputStream(output, 8192);
        try {
            while (true) {
                if (in.available() == 0) {
                    out.flush();
                }
                int c = in.read();
                if (c < 0 || c == 'Q') {
                    return;
                }
                handle(c, out);
            }
        } finally {
            out.flush();
        }
    }

    private void handle(int c, OutputStream out) throws IOException {
        if (c >= '0' && c <= '7') {
            int bits = c - '0';
            chain.drive((bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0);
        } else if (c == 'R') {
            out.write(chain.tdo() ? '1' : '0');
        } else if (c >= 'r' && c <= 'u') {
            int bits = c - 'r';
            if ((bits & 2) != 0) {
                chain.trst();
            }
            boolean asserted = (bits & 1) != 0;
            if (asserted != srstAsserted) {
                srstAsserted = asserted;
                srst.accept(asserted);
            }
        } else if (c != 'B' && c != 'b') {
            ignoredCharacters++;
        }
    }
}
