package io.blueflash.flash;

/**
 * The request does not fit the flash: image outside or larger than flash, unaligned address, a
 * range that would need page rounding without permission. Nothing on the target was changed.
 */
public class FlashRangeException extends FlashException {

    private static final long serialVersionUID = 1L;

    public FlashRangeException(String message) {
        super(message);
    }
}
