package io.blueflash.flash;

import java.util.Objects;

/**
 * The FPEC reported an error (PGERR: the half-word was not erased) or stayed busy too long, a flash
 * loader running on the target failed, or a read-back after programming did not match. The message
 * names the address or page; {@link #reason()} says which kind.
 */
public class FlashOperationException extends FlashException {

    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Reason {
        /** The flash controller, driven from the host or by the far end's commands, failed or did not finish. */
        FLASH_CONTROLLER,
        /** The SRAM flash loader did not finish a block or halt in time (the core is halted again). */
        LOADER_TIMEOUT,
        /** The core took a fault while running the SRAM flash loader (it halted on a vector catch). */
        LOADER_FAULT,
        /** The SRAM flash loader stopped because FLASH_SR reported PGERR. */
        LOADER_FLASH_ERROR,
        /** A page's content after programming differs from the plan (read back or checksum). */
        VERIFY_MISMATCH
    }

    private final Reason reason;

    public FlashOperationException(String message) {
        this(Reason.FLASH_CONTROLLER, message, null);
    }

    public FlashOperationException(String message, Throwable cause) {
        this(Reason.FLASH_CONTROLLER, message, cause);
    }

    public FlashOperationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "'reason' must not be null");
    }

    public Reason reason() {
        return reason;
    }
}
