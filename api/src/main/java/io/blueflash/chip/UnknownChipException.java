package io.blueflash.chip;

import java.util.Objects;

/**
 * The target could not be identified as a supported chip. The message lists what was read;
 * {@link #reason()} tells a front end what to suggest.
 */
public class UnknownChipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the identification found. */
    public enum Reason {
        /** No ID could be read: wiring, power, or firmware that disables the debug port or sleeps. */
        NO_ID_READ,
        /** An ID was read but is not in the catalog; a noisy connection also gives odd IDs. */
        ID_NOT_IN_CATALOG,
        /** The core is not the one the catalog's chips have (or the link garbles CPUID). */
        OTHER_CORE
    }

    private final Reason reason;

    public UnknownChipException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
    }

    public Reason reason() {
        return reason;
    }
}
