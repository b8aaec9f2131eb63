package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.TargetCommunicationException;

/** The GDB server did not answer in time: wrong port, probe busy or hung, target stuck. */
public class RspTimeoutException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public RspTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
