package io.blueflash.transport.serial.gdb;

import io.blueflash.port.out.TargetCommunicationException;

/**
 * The core's flash geometry does not fit the memory map the probe published (facts §F.3): a page
 * outside its flash regions, or not a whole number of its erase blocks.
 */
public class FlashGeometryMismatchException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public FlashGeometryMismatchException(String message) {
        super(message);
    }
}
