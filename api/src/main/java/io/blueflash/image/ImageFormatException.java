package io.blueflash.image;

/**
 * An image file is malformed or inconsistent. The message names the file and, where it has lines
 * (Intel HEX, S-record), the line number, so the user can open the file at the fault.
 */
public class ImageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImageFormatException(String message) {
        super(message);
    }

    public ImageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
