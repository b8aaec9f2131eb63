package io.blueflash.flash.stm32f1;

import io.blueflash.flash.ProtectionResult;
import io.blueflash.model.FlashGeometry;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** How an STM32F1 driver changes RDP and WRP: FPEC registers, or the far end's own commands. */
sealed interface Stm32F1Protection permits FpecProtection, NativeProtection {

    /** @param rdpInForce what FLASH_OBR says now; empty when it cannot be read */
    ProtectionResult removeReadProtection(Optional<Boolean> rdpInForce);

    ProtectionResult setReadProtection();

    ProtectionResult writeProtect(List<Integer> pages);

    ProtectionResult removeWriteProtection();

    /** The WRPR bits covering {@code pages}, lowest first (facts §B.7). */
    static List<Integer> wrpBits(FlashGeometry geometry, List<Integer> pages) {
        TreeSet<Integer> bits = new TreeSet<>();
        pages.forEach(page -> bits.add(OptionByteImage.wrpBitOf(geometry, page)));
        return List.copyOf(bits);
    }
}
