package io.blueflash.port.out;

/**
 * The probe or target did not do what was asked: no answer, a protocol error, a probe that
 * vanished. Messages say what happened and, where known, what the user can do about it.
 */
public class TargetCommunicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TargetCommunicationException(String message) {
        super(message);
    }

    public TargetCommunicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
