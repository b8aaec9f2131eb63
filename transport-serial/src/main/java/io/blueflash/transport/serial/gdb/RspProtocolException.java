package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.TargetCommunicationException;

/** The GDB server broke the remote protocol (facts §F.2): bad framing, malformed reply, retries exhausted. */
public class RspProtocolException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public RspProtocolException(String message) {
        super(message);
    }

    public RspProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
