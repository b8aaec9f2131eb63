package io.blueflash.port.out;

/**
 * A bus access was answered with an error (AHB error behind the MEM-AP, ST-Link SWD_AP_FAULT,
 * bootloader NACK on a read): unmapped address, read-protected flash, wrong-width flash write.
 */
public class MemoryFaultException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    private final int address;

    public MemoryFaultException(int address, String message) {
        super(message);
        this.address = address;
    }

    public MemoryFaultException(int address, String message, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    /** The faulting bus address as an unsigned 32-bit value held in an int. */
    public int address() {
        return address;
    }
}
