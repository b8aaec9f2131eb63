package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.TargetCommunicationException;

/** The probe answered a command with a status that is neither OK nor a memory fault (facts §D.6). */
public class StLinkStatusException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public StLinkStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The raw status byte. */
    public int status() {
        return status;
    }
}
