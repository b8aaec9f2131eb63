package io.blueflash.port.out;

/**
 * Read-out and write protection changed by the far end itself, for connections that cannot reach
 * the FPEC registers: the STM32 ROM bootloader's READOUT UNPROTECT 0x92, READOUT PROTECT 0x82,
 * WRITE PROTECT 0x63 and WRITE UNPROTECT 0x73 (facts §E.3). Each command rewrites the option bytes
 * and the chip resets itself, so the change is in force when the call returns. Connections with
 * {@link MemoryAccess} to the FPEC do the same through its registers instead (facts §B.5).
 */
public interface NativeProtectionAccess {

    /** Removes read-out protection; the far end MASS-ERASES all main flash first (facts §B.6). */
    void removeReadProtection();

    /** Sets read-out protection (RDP ≠ 0xA5, facts §B.6). */
    void setReadProtection();

    /**
     * Write-protects the given WRP blocks (FLASH_WRPR bit numbers, facts §B.7: 4 KB each, the AN3155
     * "sectors" of an F1).
     */
    void writeProtect(int... wrpBits);

    /** Removes all write protection (facts §B.7). */
    void removeWriteProtection();
}
