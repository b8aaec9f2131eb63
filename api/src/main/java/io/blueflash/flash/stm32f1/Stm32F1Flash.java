package io.blueflash.flash.stm32f1;

import io.blueflash.flash.DriverChoice;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashException;
import io.blueflash.flash.FlashFamily;
import io.blueflash.flash.NativeFlashAlgorithm;
import io.blueflash.flash.PageChecksums;
import io.blueflash.port.out.CoreControl;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashMethod;
import java.util.Optional;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;

/**
 * The STM32F1 family's flash: chooses its driver from what the connection offers
 * ({@link TargetCapability}), not from its class.
 * <ol>
 *   <li>The far end's own flash commands ({@link TargetCapability#NATIVE_FLASH}: the ROM bootloader,
 *       a Black Magic Probe): they know their flash and beat driving the FPEC over their memory commands.
 *       When the connection also has {@code CORE_CONTROL} and the chip SRAM for the work area, pages are
 *       compared and verified by the SRAM loader's CRC routine on the core ({@link NativeFlashPageCrc}),
 *       interrupts masked through PRIMASK where the probe's run control cannot mask them.</li>
 *   <li>blueflash's flash loader run from SRAM ({@link SramLoaderAlgorithm}), when the connection has
 *       {@code CORE_CONTROL}, its run control can mask interrupts and the chip has SRAM for the work area
 *       ({@link SramWorkArea}), unless the user chose {@link FlashMethod#REGISTERS}; the register path
 *       below erases for it and is its fallback, as OpenOCD's {@code stm32x_write} falls back when no work
 *       area is available.</li>
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
        Stm32F1Protection protection = connection.nativeProtectionAccess()
                .<Stm32F1Protection>map(far -> new NativeProtection(far, geometry))
                .orElseGet(() -> new FpecProtection(memory, geometry, choice));
        if (connection.has(TargetCapability.NATIVE_FLASH) && connection.nativeFlashAccess().isPresent()) {
            NativeFlashAlgorithm farEnd = new NativeFlashAlgorithm(connection.nativeFlashAccess().get(), memory,
                    geometry.pageSize(), connection.probe().transport());
            Optional<PageChecksums> crc = crcArea(connection, choice).map(area -> new NativeFlashPageCrc(memory,
                    maskingInterrupts(connection.coreControl().orElseThrow(), memory), geometry, area, choice));
            return new Stm32F1Driver(farEnd, memory, geometry, protection, choice.trace(), () -> crc);
        }
        FlashAlgorithm registers = registers(memory, geometry, choice);
        Optional<SramWorkArea> area = loaderArea(connection, choice);
        if (area.isEmpty()) {
            return new Stm32F1Driver(registers, memory, geometry, protection, choice.trace());
        }
        SramLoaderAlgorithm loader = new SramLoaderAlgorithm(memory, connection.coreControl().orElseThrow(), geometry,
                area.get(), registers, choice);
        return new Stm32F1Driver(loader, memory, geometry, protection, choice.trace(),
                () -> loader.loaded() ? Optional.of(loader) : Optional.empty());
    }

    /** The loader's work area when the loader is wanted and possible here. */
    private static Optional<SramWorkArea> loaderArea(TargetConnection connection, DriverChoice choice) {
        if (choice.method() == FlashMethod.REGISTERS || !connection.has(TargetCapability.CORE_CONTROL)
                || connection.coreControl().isEmpty() || !connection.coreControl().get().canMaskInterrupts()) {
            return Optional.empty();
        }
        return SramWorkArea.fit(choice.sramBytes(), SramLoaderImage.bytes().length);
    }

    /**
     * The CRC routine's work area beside a far end that programs flash itself: wanted unless the user
     * chose {@link FlashMethod#REGISTERS}, possible with {@code CORE_CONTROL} and SRAM for the area.
     */
    private static Optional<SramWorkArea> crcArea(TargetConnection connection, DriverChoice choice) {
        if (choice.method() == FlashMethod.REGISTERS || !connection.has(TargetCapability.CORE_CONTROL)
                || connection.coreControl().isEmpty()) {
            return Optional.empty();
        }
        return SramWorkArea.fit(choice.sramBytes(), SramLoaderImage.bytes().length);
    }

    /** The probe's run control if it masks interrupts itself, else PRIMASK set through the debug registers. */
    private static CoreControl maskingInterrupts(CoreControl core, MemoryAccess memory) {
        return core.canMaskInterrupts() ? core : new PrimaskRunControl(core, memory);
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
