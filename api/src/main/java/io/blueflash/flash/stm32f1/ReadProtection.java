package io.blueflash.flash.stm32f1;

import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCommunicationException;
import java.util.Optional;

/** Read-out protection state from FLASH_OBR.RDPRT (facts §B.6). */
public final class ReadProtection {

    private ReadProtection() {
    }

    /** True or false when FLASH_OBR can be read, empty when it cannot (e.g. through the ROM bootloader). */
    public static Optional<Boolean> isActive(MemoryAccess memory) {
        try {
            return Optional.of((memory.read32(FpecRegisters.FPEC_BASE + FpecRegisters.OBR)
                    & FpecRegisters.OBR_RDPRT) != 0);
        } catch (TargetCommunicationException unreadable) {
            return Optional.empty();
        }
    }
}
