package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.TargetCommunicationException;

/**
 * The GDB server answered a request with {@code E nn} (facts §F.3): the probe could not do it
 * (memory fault, flash error, no target attached).
 */
public class GdbErrorReplyException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    private final String request;
    private final int errorCode;

    public GdbErrorReplyException(String request, int errorCode, String hint) {
        super(String.format("Black Magic Probe refused '%s' with error E%02X%s", request, errorCode,
                hint.isEmpty() ? "" : ": " + hint));
        this.request = request;
        this.errorCode = errorCode;
    }

    /** The request as sent (binary data abbreviated). */
    public String request() {
        return request;
    }

    public int errorCode() {
        return errorCode;
    }
}
