package io.blueflash.port.out;

import java.util.Objects;

/**
 * The probe or target did not do what was asked: no answer, a protocol error, a probe that
 * vanished. Messages say what happened; {@link #reason()} says what kind of trouble it looks like,
 * so that a front end can suggest a remedy in its own words.
 */
public class TargetCommunicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of trouble it looks like. */
    public enum Reason {
        /** Nothing more specific is known. */
        UNSPECIFIED,
        /** The core does not come out of reset or stop at the reset vector: NRST held, or firmware that disables the debug port. */
        STUCK_IN_RESET,
        /** The link garbles transactions (parity, protocol errors): long wires or too fast a clock. */
        LINK_ERRORS
    }

    private final Reason reason;

    public TargetCommunicationException(String message) {
        this(Reason.UNSPECIFIED, message);
    }

    public TargetCommunicationException(String message, Throwable cause) {
        this(Reason.UNSPECIFIED, message, cause);
    }

    public TargetCommunicationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
    }

    public TargetCommunicationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
    }

    public Reason reason() {
        return reason;
    }
}
