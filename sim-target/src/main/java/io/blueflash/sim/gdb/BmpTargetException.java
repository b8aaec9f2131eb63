package io.blueflash.sim.gdb;

/** A target operation failed (no target, bus fault, flash error); answered with {@code E nn}. */
final class BmpTargetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errorCode;

    BmpTargetException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    BmpTargetException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    int errorCode() {
        return errorCode;
    }
}
