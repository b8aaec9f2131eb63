package io.blueflash.flash.stm32f1;

import io.blueflash.flash.FlashProtectedException;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.Optional;

/** Read-out protection state from FLASH_OBR.RDPRT (facts §B.6). */
public final class ReadProtection {

    private ReadProtection() {
    }

    /** What the user reads when RDP blocks an operation. */
    public static final String ADVICE = "the chip is read-protected (RDP active, FLASH_OBR.RDPRT; PM0075 §2.4.1): "
            + "debugger reads of flash fail and programming and erasing through the debug port are refused. "
            + "Remove the protection with `blueflash option-bytes --unprotect`, which MASS-ERASES all flash "
            + "(the chip's firmware is lost), then reset or power-cycle the board";

    /** True or false when FLASH_OBR can be read, empty when it cannot (e.g. through the ROM bootloader). */
    public static Optional<Boolean> isActive(MemoryAccess memory) {
        try {
            return Optional.of((memory.read32(FpecRegisters.FPEC_BASE + FpecRegisters.OBR)
                    & FpecRegisters.OBR_RDPRT) != 0);
        } catch (TargetCommunicationException unreadable) {
            return Optional.empty();
        }
    }

    /** @throws FlashProtectedException when FLASH_OBR says RDP is active */
    public static void requireInactive(MemoryAccess memory) {
        if (isActive(memory).orElse(false)) {
            throw new FlashProtectedException(FlashProtectedException.Kind.READ_PROTECTED, capitalised());
        }
    }

    /** The RDP error for a read that faulted, when FLASH_OBR confirms RDP; otherwise {@code fault} itself. */
    public static RuntimeException explain(MemoryAccess memory, RuntimeException fault) {
        if (isActive(memory).orElse(false)) {
            return new FlashProtectedException(FlashProtectedException.Kind.READ_PROTECTED, capitalised(), fault);
        }
        return fault;
    }

    private static String capitalised() {
        return Character.toUpperCase(ADVICE.charAt(0)) + ADVICE.substring(1);
    }
}
