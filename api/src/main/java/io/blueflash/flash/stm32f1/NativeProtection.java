package io.blueflash.flash.stm32f1;

import io.blueflash.flash.ProtectionResult;
import io.blueflash.model.FlashGeometry;
import io.blueflash.port.out.NativeProtectionAccess;
import java.util.List;
import java.util.Optional;

/**
 * RDP / WRP through the far end's own commands (the ROM bootloader's READOUT (UN)PROTECT and WRITE
 * (UN)PROTECT, facts §E.3). The far end resets the chip after each, so the change is in force at once.
 */
final class NativeProtection implements Stm32F1Protection {

    static final String METHOD = "ROM bootloader command (AN3155 §3)";

    private final NativeProtectionAccess access;
    private final FlashGeometry geometry;

    NativeProtection(NativeProtectionAccess access, FlashGeometry geometry) {
        this.access = access;
        this.geometry = geometry;
    }

    @Override
    public ProtectionResult removeReadProtection(Optional<Boolean> rdpInForce) {
        access.removeReadProtection();
        return new ProtectionResult(METHOD, true, true, List.of(), true);
    }

    @Override
    public ProtectionResult setReadProtection() {
        access.setReadProtection();
        return new ProtectionResult(METHOD, true, false, List.of(), true);
    }

    @Override
    public ProtectionResult writeProtect(List<Integer> pages) {
        List<Integer> bits = Stm32F1Protection.wrpBits(geometry, pages);
        access.writeProtect(bits.stream().mapToInt(Integer::intValue).toArray());
        return new ProtectionResult(METHOD, true, false, bits, true);
    }

    @Override
    public ProtectionResult removeWriteProtection() {
        access.removeWriteProtection();
        return new ProtectionResult(METHOD, true, false, List.of(), true);
    }
}
