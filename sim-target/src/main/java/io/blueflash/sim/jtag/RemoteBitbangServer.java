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
 * When the chain prices TCK ({@link JtagScanChain#priceTck}), its cycles are charged before each reply.
 */
public final class RemoteBitbangServer {

    /** Sees every pin level the client sets, e.g. to draw them as a waveform. */
    public interface PinObserver {
        /** TCK, TMS and TDI were set; {@code tdo} is what the chain drives on TDO now. */
        void pins(boolean tck, boolean tms, boolean tdi, boolean tdo);

        /** TRST or SRST changed (true = asserted). */
        void resetPins(boolean trst, boolean srst);
    }

    private static final PinObserver NO_OBSERVER = new PinObserver() {
        @Override
        public void pins(boolean tck, boolean tms, boolean tdi, boolean tdo) {
        }

        @Override
        public void resetPins(boolean trst, boolean srst) {
        }
    };

    private final JtagScanChain chain;
    private final Consumer<Boolean> srst;
    private PinObserver observer = NO_OBSERVER;
    private boolean srstAsserted;
    private boolean trstAsserted;
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

    /** Reports every pin the client sets to {@code pinObserver} from now on. */
    public void observe(PinObserver pinObserver) {
        if (pinObserver == null) {
            throw new IllegalArgumentException("'pinObserver' must not be null");
        }
        observer = pinObserver;
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
                    chain.chargeTck(); // the reply leaves after the cycles that produced it
                    out.flush();
                }
                int c = in.read();
                if (c < 0 || c == 'Q') {
                    return;
                }
                handle(c, out);
            }
        } finally {
            chain.chargeTck();
            out.flush();
        }
    }

    private void handle(int c, OutputStream out) throws IOException {
        if (c >= '0' && c <= '7') {
            int bits = c - '0';
            chain.drive((bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0);
            observer.pins((bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0, chain.tdo());
        } else if (c == 'R') {
            out.write(chain.tdo() ? '1' : '0');
        } else if (c >= 'r' && c <= 'u') {
            int bits = c - 'r';
            boolean trst = (bits & 2) != 0;
            if (trst) {
                chain.trst();
            }
            boolean asserted = (bits & 1) != 0;
            if (trst != trstAsserted || asserted != srstAsserted) {
                trstAsserted = trst;
                observer.resetPins(trst, asserted);
            }
            if (asserted != srstAsserted) {
                chain.chargeTck();
                srstAsserted = asserted;
                srst.accept(asserted);
            }
        } else if (c != 'B' && c != 'b') {
            ignoredCharacters++;
        }
    }
}
