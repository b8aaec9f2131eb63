package io.blueflash.transport.serial.line;

import io.blueflash.port.out.TargetCommunicationException;

/** The serial port failed (unplugged adapter, I/O error); the message names the port. */
public class SerialLineException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public SerialLineException(String message) {
        super(message);
    }

    public SerialLineException(String message, Throwable cause) {
        super(message, cause);
    }
}
