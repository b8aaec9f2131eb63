package io.blueflash.port.out;

/** No probe matches the selector (no ST-Link on USB, a serial port that does not exist...). */
public class ProbeNotFoundException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public ProbeNotFoundException(String message) {
        super(message);
    }

    public ProbeNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
