package io.blueflash.flash.stm32f1;

import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashException;
import io.blueflash.flash.FlashFamily;
import io.blueflash.flash.NativeFlashAlgorithm;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;

/**
 * The STM32F1 family's flash: chooses its driver from what the connection offers
 * ({@link TargetCapability}), not from its class.
 * <ol>
 *   <li>The far end's own flash commands ({@link TargetCapability#NATIVE_FLASH}: the ROM bootloader,
 *       a Black Magic Probe): they know their flash and beat driving the FPEC over their memory commands.</li>
 *   <li>(Issue 14) a flash loader run from SRAM, when the connection has {@code CORE_CONTROL} and the
 *       chip SRAM for it, with the register path below as its fallback, as OpenOCD's {@code stm32x_write}
 *       falls back when no work area is available.</li>
 *   <li>The FPEC registers over {@code MemoryAccess}, paced per {@link ProgramPacing}; on a chip not known
 *       as a clone, automatic pacing is guarded by {@link ClonePacingGuard}.</li>
 * </ol>
 * Protection goes through the far end's commands when it has them ({@code NativeProtectionAccess}:
 * the ROM bootloader), otherwise through the FPEC option-byte registers.
 */
public final class Stm32F1Flash implements FlashFamily {

    /** The one instance; the chip catalog names it for every STM32F1 line. */
    public static final Stm32F1Flash FAMILY = new Stm32F1Flash();

    private Stm32F1Flash() {
    }

    @Override
    public String name() {
        return "STM32F1";
    }

    @Override
    public FlashDriver driver(TargetConnection connection, FlashGeometry geometry, DriverChoice choice) {
        MemoryAccess memory = connection.memoryAccess().orElseThrow(() -> new FlashException(String.format(
                "probe %s offers neither native flash programming nor memory access (capabilities %s): "
                        + "it cannot program flash", connection.probe().selectorText(), connection.capabilities())));
        FlashAlgorithm operations;
        if (connection.has(TargetCapability.NATIVE_FLASH) && connection.nativeFlashAccess().isPresent()) {
            operations = new NativeFlashAlgorithm(connection.nativeFlashAccess().get(), memory, geometry.pageSize(),
                    connection.probe().transport());
        } else {
            operations = registers(memory, geometry, choice);
        }
        Stm32F1Protection protection = connection.nativeProtectionAccess()
                .<Stm32F1Protection>map(far -> new NativeProtection(far, geometry))
                .orElseGet(() -> new FpecProtection(memory, geometry, choice));
        return new Stm32F1Driver(operations, memory, geometry, protection, choice.trace());
    }

    private static FlashAlgorithm registers(MemoryAccess memory, FlashGeometry geometry, DriverChoice choice) {
        ProgramPacing pacing = resolve(choice.pacing(), choice.cloneChip());
        FpecFlashAlgorithm chosen = new FpecFlashAlgorithm(memory, geometry, pacing, choice.trace());
        if (choice.pacing() == ProgramPacing.AUTO && pacing == ProgramPacing.PAGE_BLOCK) {
            return new ClonePacingGuard(chosen, new FpecFlashAlgorithm(memory, geometry, ProgramPacing.POLL_EACH,
                    choice.trace()),
                    choice);
        }
        return chosen;
    }

    /** AUTO → POLL_EACH on clones (APM32 drops half-words written while BSY), PAGE_BLOCK otherwise. */
    public static ProgramPacing resolve(ProgramPacing pacing, boolean cloneChip) {
        if (pacing != ProgramPacing.AUTO) {
            return pacing;
        }
        return cloneChip ? ProgramPacing.POLL_EACH : ProgramPacing.PAGE_BLOCK;
    }
}
