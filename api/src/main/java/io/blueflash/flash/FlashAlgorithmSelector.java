package io.blueflash.flash;

import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;

/**
 * Chooses how to program flash from what the connection offers ({@link TargetCapability}), not
 * from its class: the far end's own flash routine when it has one ({@link TargetCapability#NATIVE_FLASH}:
 * the ROM bootloader, a Black Magic Probe — they know their flash and are faster than driving the
 * FPEC over their memory commands), otherwise the FPEC register sequence over {@link MemoryAccess}.
 */
public final class FlashAlgorithmSelector {

    private FlashAlgorithmSelector() {
    }

    /**
     * @param pacing    the user's choice; {@link ProgramPacing#AUTO} becomes POLL_EACH on clones
     * @param cloneChip whether the chip was identified as a clone (facts §H.11)
     * @throws FlashException when the connection can neither program natively nor access memory
     */
    public static FlashAlgorithm select(TargetConnection connection, FlashGeometry geometry, ProgramPacing pacing,
                                        boolean cloneChip) {
        var memory = connection.memoryAccess();
        if (connection.has(TargetCapability.NATIVE_FLASH) && connection.nativeFlashAccess().isPresent()
                && memory.isPresent()) {
            return new NativeFlashAlgorithm(connection.nativeFlashAccess().get(), memory.get(), geometry.pageSize(),
                    connection.probe().transport());
        }
        if (memory.isPresent()) {
            return new FpecFlashAlgorithm(memory.get(), geometry, resolve(pacing, cloneChip));
        }
        throw new FlashException(String.format(
                "probe %s offers neither native flash programming nor memory access (capabilities %s): "
                        + "it cannot program flash", connection.probe().selectorText(), connection.capabilities()));
    }

    /**
     * The clone-safe algorithm to fall back to when automatic pacing chose page blocks for a chip
     * not identified as a clone, which then turns out to drop half-words (an unrecognised clone,
     * facts §H.11); empty when there is nothing slower to fall back to (native flashing, an explicit
     * pacing, a recognised clone).
     */
    public static java.util.Optional<FlashAlgorithm> clonePacingFallback(TargetConnection connection,
                                                                         FlashGeometry geometry, ProgramPacing pacing,
                                                                         boolean cloneChip) {
        FlashAlgorithm chosen = select(connection, geometry, pacing, cloneChip);
        if (pacing != ProgramPacing.AUTO || !(chosen instanceof FpecFlashAlgorithm)
                || resolve(pacing, cloneChip) != ProgramPacing.PAGE_BLOCK) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(select(connection, geometry, ProgramPacing.POLL_EACH, cloneChip));
    }

    /** AUTO → POLL_EACH on clones (APM32 drops half-words written while BSY), PAGE_BLOCK otherwise. */
    public static ProgramPacing resolve(ProgramPacing pacing, boolean cloneChip) {
        if (pacing != ProgramPacing.AUTO) {
            return pacing;
        }
        return cloneChip ? ProgramPacing.POLL_EACH : ProgramPacing.PAGE_BLOCK;
    }
}
