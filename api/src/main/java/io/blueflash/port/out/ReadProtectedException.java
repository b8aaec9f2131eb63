package io.blueflash.port.out;

/**
 * The target refused an access because read-out protection (RDP, facts §B.6) is active: a
 * debugger read of flash faulted on a chip whose FLASH_OBR.RDPRT is set, or the ROM bootloader
 * NACKed READ MEMORY (facts §E.3). A marker every transport can throw so that the caller can tell
 * "locked chip" (fixed with {@code blueflash option-bytes --unprotect}, which mass-erases the
 * flash) from an unmapped address, whatever the probe.
 */
public class ReadProtectedException extends MemoryFaultException {

    private static final long serialVersionUID = 1L;

    public ReadProtectedException(int address, String message) {
        super(address, message);
    }

    public ReadProtectedException(int address, String message, Throwable cause) {
        super(address, message, cause);
    }
}
