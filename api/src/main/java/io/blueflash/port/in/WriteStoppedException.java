package io.blueflash.port.in;

/**
 * A write stopped because its caller asked it to (Ctrl-C on a gang write): thrown from the
 * progress listener at a page boundary, so the flash controller is relocked and the connection
 * closed on the way out, as for any other failure.
 */
public final class WriteStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WriteStoppedException() {
        super("stopped on request (Ctrl-C) at a page boundary; pages already programmed keep the new image");
    }
}
