package io.blueflash.flash;

/**
 * A flash operation could not be done. Messages say what, where, and what the user can do.
 * Subclasses tell the kinds apart for exit codes: {@link FlashRangeException} (the request does not
 * fit the chip), {@link FlashProtectedException} (read or write protection), {@link FlashOperationException}
 * (the FPEC reported an error or did not finish).
 */
public class FlashException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FlashException(String message) {
        super(message);
    }

    public FlashException(String message, Throwable cause) {
        super(message, cause);
    }
}
