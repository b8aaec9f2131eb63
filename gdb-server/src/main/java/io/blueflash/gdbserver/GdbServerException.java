package io.blueflash.gdbserver;

/** Why the server could not start; the CLI picks the exit code and hint by {@link Reason}. */
public final class GdbServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The TCP port is taken or may not be bound. */
        PORT_UNAVAILABLE,
        /** The probe's connection has no core control or no memory access (a ROM bootloader). */
        NO_CORE_CONTROL
    }

    private final Reason reason;

    public GdbServerException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
