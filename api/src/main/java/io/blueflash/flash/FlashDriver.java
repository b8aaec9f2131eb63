package io.blueflash.flash;

import io.blueflash.model.OptionBytesState;
import java.util.List;
import java.util.Optional;

/**
 * Everything one chip family's flash needs on one connection, as OpenOCD's {@code struct flash_driver}
 * has it: erase and program ({@link FlashAlgorithm}), read-out protection (RDP), write protection
 * (WRP) and the option bytes that hold them. A family's package builds its drivers ({@link FlashFamily}):
 * over the flash controller's registers, or natively through the far end's own commands (ROM
 * bootloader, Black Magic Probe); services use them without knowing the family.
 */
public interface FlashDriver extends FlashAlgorithm {

    /** Whether read-out protection is in force now; empty when this connection cannot tell. */
    Optional<Boolean> readProtectionActive();

    /** @throws FlashProtectedException when read-out protection is in force */
    default void requireNotReadProtected() {
        if (readProtectionActive().orElse(false)) {
            throw FlashProtectedException.readProtected(null);
        }
    }

    /**
     * The error to report for a read of flash that faulted: the read-protection error when RDP is in
     * force (the fault is its symptom), otherwise {@code fault} itself.
     */
    default RuntimeException explainReadFault(RuntimeException fault) {
        if (readProtectionActive().orElse(false)) {
            return FlashProtectedException.readProtected(fault);
        }
        return fault;
    }

    /**
     * The flash bank (1, 2, ...) whose controller serves {@code address}: flash maps group pages by
     * it. One bank unless the family says otherwise.
     */
    default int bankOf(long address) {
        return 1;
    }

    /**
     * Checksums of pages computed on the target, when this driver can run code there (an SRAM
     * loader); empty otherwise, and then pages are read back to compare them.
     */
    default Optional<PageChecksums> pageChecksums() {
        return Optional.empty();
    }

    /** Reads and decodes the stored option bytes. */
    OptionBytesState readOptionBytes();

    /** Removes read-out protection; the chip MASS-ERASES its main flash when RDP was in force. */
    ProtectionResult removeReadProtection();

    /** Sets read-out protection. */
    ProtectionResult setReadProtection();

    /** Write-protects the blocks holding {@code pages} (page indices), keeping those already protected. */
    ProtectionResult writeProtect(List<Integer> pages);

    /** Removes all write protection. */
    ProtectionResult removeWriteProtection();
}
