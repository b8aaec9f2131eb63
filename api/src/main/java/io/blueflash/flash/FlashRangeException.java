package io.blueflash.flash;

import java.util.Objects;

/**
 * The request does not fit the flash: image outside or larger than flash, unaligned address, a
 * range that would need page rounding without permission. Nothing on the target was changed.
 * {@link #reason()} says which, so that a front end can say what to do in its own words.
 */
public class FlashRangeException extends FlashException {

    private static final long serialVersionUID = 1L;

    /** Why the request does not fit. */
    public enum Reason {
        /** Past the end of the flash the chip reports: the chip may have more than it reports. */
        BEYOND_REPORTED_FLASH,
        /** Nowhere near flash: a raw image without (or with a wrong) load address. */
        OUTSIDE_FLASH,
        /** Covers part of a page whose other bytes an erase would lose; allowed only on request. */
        PARTIAL_PAGE,
        /** Image data for the option bytes, which a write never changes. */
        OPTION_BYTES_IN_IMAGE,
        /** Image data for SRAM (a linker-script problem). */
        SRAM_IN_IMAGE,
        /** Nothing to do: an empty image or range. */
        EMPTY,
        /** A read runs past the flash the chip physically has: the bus answers with an error there. */
        PAST_PHYSICAL_FLASH,
        /** Spans what one flash operation cannot (two banks). */
        ACROSS_BANKS
    }

    private final Reason reason;

    public FlashRangeException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
    }

    public Reason reason() {
        return reason;
    }
}
