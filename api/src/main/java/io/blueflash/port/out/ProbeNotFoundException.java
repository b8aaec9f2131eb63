package io.blueflash.port.out;

import java.util.Objects;

/** No probe matches the selector (no ST-Link on USB, a serial port that does not exist...). */
public class ProbeNotFoundException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    /** Why nothing matched. */
    public enum Match {
        /** Nothing attached (or installed) answers to the selector. */
        NOTHING_ATTACHED,
        /** The transport is there, but the selector's argument names nothing it has (a profile, a port). */
        UNKNOWN_ARGUMENT
    }

    private final Match match;

    public ProbeNotFoundException(String message) {
        this(Match.NOTHING_ATTACHED, message);
    }

    public ProbeNotFoundException(String message, Throwable cause) {
        super(message, cause);
        this.match = Match.NOTHING_ATTACHED;
    }

    public ProbeNotFoundException(Match match, String message) {
        super(message);
        this.match = Objects.requireNonNull(match, "'match' must not be null");
    }

    public Match match() {
        return match;
    }
}
