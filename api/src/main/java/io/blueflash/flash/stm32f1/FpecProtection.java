package io.blueflash.flash.stm32f1;

import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.ProtectionResult;
import io.blueflash.model.FlashGeometry;
import io.blueflash.port.out.MemoryAccess;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * RDP / WRP through the FPEC option-byte registers ({@link FpecOptionBytes}, facts §B.5): reads the
 * stored option bytes first so that everything not asked for is written back unchanged, and writes
 * nothing when they already hold the result. The change is in force after the next reset.
 */
final class FpecProtection implements Stm32F1Protection {

    static final String METHOD = "FPEC option-byte registers over the debug port (PM0075 §2.3.5)";

    private final MemoryAccess memory;
    private final FlashGeometry geometry;
    private final DriverChoice choice;

    FpecProtection(MemoryAccess memory, FlashGeometry geometry, DriverChoice choice) {
        this.memory = memory;
        this.geometry = geometry;
        this.choice = choice;
    }

    @Override
    public ProtectionResult removeReadProtection(Optional<Boolean> rdpInForce) {
        FpecOptionBytes optionBytes = new FpecOptionBytes(memory, geometry);
        OptionByteImage before = optionBytes.read();
        boolean erases = rdpInForce.orElse(before.readProtected());
        if (erases) {
            choice.note("removing read protection: the chip mass-erases its main flash (PM0075 §2.4.1)");
        }
        return rewrite(optionBytes, before, before.withRdp(OptionByteImage.RDP_UNPROTECTED), erases, List.of());
    }

    @Override
    public ProtectionResult setReadProtection() {
        return change(before -> before.readProtected() ? before : before.withRdp(OptionByteImage.RDP_PROTECTED),
                List.of());
    }

    @Override
    public ProtectionResult writeProtect(List<Integer> pages) {
        List<Integer> bits = Stm32F1Protection.wrpBits(geometry, pages);
        return change(before -> {
            int wrp = before.wrp();
            for (int bit : bits) {
                wrp &= ~(1 << bit);
            }
            return before.withWrp(wrp);
        }, bits);
    }

    @Override
    public ProtectionResult removeWriteProtection() {
        return change(before -> before.withWrp(0xFFFF_FFFF), List.of());
    }

    private ProtectionResult change(UnaryOperator<OptionByteImage> apply, List<Integer> bits) {
        FpecOptionBytes optionBytes = new FpecOptionBytes(memory, geometry);
        OptionByteImage before = optionBytes.read();
        return rewrite(optionBytes, before, apply.apply(before), false, bits);
    }

    private ProtectionResult rewrite(FpecOptionBytes optionBytes, OptionByteImage before, OptionByteImage after,
                                     boolean erases, List<Integer> bits) {
        boolean write = !after.equals(before) || erases;
        if (write) {
            optionBytes.program(after);
        } else {
            choice.note("the option bytes already hold this: nothing written");
        }
        return new ProtectionResult(METHOD, write, erases, bits, false);
    }
}
