package io.blueflash.transport.serial.bootloader;

/**
 * The bootloader refuses READ MEMORY / WRITE MEMORY / ERASE / GO because readout protection is
 * active (facts §E.2: only GET, GET VERSION, GET ID and READOUT UNPROTECT work). The message says
 * how to remove it, and that removing it mass-erases the flash. A kind of the port's
 * {@link io.blueflash.port.out.ReadProtectedException}, so callers see "locked chip" whatever the transport.
 */
public class ReadProtectedException extends io.blueflash.port.out.ReadProtectedException {

    private static final long serialVersionUID = 1L;

    public ReadProtectedException(int address, String portName, String command) {
        super(address, String.format("the chip on %s is read-protected (RDP): its ROM bootloader refuses %s at 0x%08X."
                + " Remove the protection with `blueflash --probe bootloader:%s option-bytes --unprotect`"
                + " (or `stm32flash -k %s`), which sends READOUT UNPROTECT: this ERASES ALL FLASH, then the chip"
                + " resets", portName, command, address, portName, portName));
    }
}
