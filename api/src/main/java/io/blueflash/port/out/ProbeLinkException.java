package io.blueflash.port.out;

/**
 * The link between the host and the probe failed (USB: unplugged, no permission, a timeout, a
 * stalled endpoint; or the connection to an stlink-server), as opposed to the probe's link to the
 * target: wiring and SWD clock hints do not apply, and the message says what does.
 */
public class ProbeLinkException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public ProbeLinkException(String message) {
        super(message);
    }

    public ProbeLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
