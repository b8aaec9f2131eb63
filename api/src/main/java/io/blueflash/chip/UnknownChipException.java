package io.blueflash.chip;

/**
 * The target could not be identified as a supported STM32F1. The message lists what was read and
 * what the user can try (wiring, {@code --connect-under-reset}).
 */
public class UnknownChipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownChipException(String message) {
        super(message);
    }
}
