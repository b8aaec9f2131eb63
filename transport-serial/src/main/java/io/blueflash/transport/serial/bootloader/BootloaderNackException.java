package io.blueflash.transport.serial.bootloader;

import io.blueflash.port.out.TargetCommunicationException;

/** The bootloader answered NACK (0x1F) where an ACK was needed, after the retries were spent. */
public class BootloaderNackException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public BootloaderNackException(String message) {
        super(message);
    }
}
