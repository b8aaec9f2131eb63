package io.blueflash.sim.probe;

/**
 * The target kept answering WAIT beyond the engine's retry bound; the transfer was aborted with
 * DAPABORT (facts §C.2). The line itself is fine: retrying later may succeed.
 */
public final class SwdWaitTimeoutException extends SwdProbeException {

    private static final long serialVersionUID = 1L;

    private final int waits;

    public SwdWaitTimeoutException(int waits, String message) {
        super(message);
        this.waits = waits;
    }

    /** How many WAIT acknowledgements in a row were seen before giving up. */
    public int waits() {
        return waits;
    }
}
