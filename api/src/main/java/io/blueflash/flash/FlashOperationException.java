package io.blueflash.flash;

/**
 * The FPEC reported an error (PGERR: the half-word was not erased) or stayed busy too long, or a
 * read-back after programming did not match. The message names the address or page.
 */
public class FlashOperationException extends FlashException {

    private static final long serialVersionUID = 1L;

    public FlashOperationException(String message) {
        super(message);
    }

    public FlashOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
