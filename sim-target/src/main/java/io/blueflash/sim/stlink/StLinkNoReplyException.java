package io.blueflash.sim.stlink;

/**
 * The emulated firmware does not answer this command, as real firmware ignores a command it does
 * not know: on USB the host's bulk IN transfer would time out. Host-side channels turn it into
 * their timeout error.
 */
public final class StLinkNoReplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StLinkNoReplyException(String message) {
        super(message);
    }
}
