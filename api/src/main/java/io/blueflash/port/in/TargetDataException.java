package io.blueflash.port.in;

import java.util.Objects;

/**
 * A target's own data cannot be placed: nothing is written to that target. The message names the
 * target's unique ID or the overlapping ranges.
 */
public final class TargetDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the per-target data. */
    public enum Reason {
        /** The chip's unique ID is not among the listed ones. */
        UNKNOWN_UNIQUE_ID,
        /** The probe could not read the unique ID the data is keyed by. */
        UNIQUE_ID_UNREADABLE,
        /** The per-target bytes overlap the image (or each other). */
        OVERLAPS_IMAGE,
        /** The data source itself is malformed (a bad line, a counter past its width). */
        MALFORMED
    }

    private final Reason reason;

    public TargetDataException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
    }

    public Reason reason() {
        return reason;
    }
}
