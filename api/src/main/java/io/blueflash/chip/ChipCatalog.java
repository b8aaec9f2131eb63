package io.blueflash.chip;

import io.blueflash.model.FlashGeometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Turns raw IDs into a {@link ChipDescription}: density line by DEV_ID (facts §A.2), flash size
 * from F_SIZE or the line's maximum, and the clone heuristics of facts §A.4, §A.5 and §C.5.
 */
public final class ChipCatalog {

    /** CS32/CKS32 clones that report their own DEV_ID; BMP treats them as medium-density (facts §A.4). */
    public static final int CS32_DEV_ID = 0x29B;

    /** CPUID of a genuine STM32F1: Cortex-M3 r1p1 (facts §A.5). */
    public static final int CPUID_GENUINE_STM32F1 = 0x411F_C231;

    /** CPUID of Cortex-M3 r2p1, found in APM32F103, CKS32F103 and GD32F103 (facts §A.5). */
    public static final int CPUID_CORTEX_M3_R2P1 = 0x412F_C231;

    /** JEP106 designer codes of the ROM table (facts §C.5). */
    public static final int DESIGNER_ST = 0x020;

    private static final Map<Integer, String> GIGADEVICE_REV_IDS = Map.of(
            0x1303, "GigaDevice GD32F1x0",
            0x1704, "GigaDevice GD32F3x0",
            0x1906, "GigaDevice GD32VF103",
            0x1909, "GigaDevice GD32E23x");

    private static final Map<Integer, String> DESIGNERS = Map.of(
            0x751, "GigaDevice",
            0x555, "CS (China Key System) clone",
            0x72A, "WCH",
            0x43B, "ARM default (maker left the ROM table unbranded)");

    private ChipCatalog() {
    }

    /** The density line for {@code devId}, counting CS32's 0x29B as medium-density. */
    public static Optional<Stm32F1Density> densityOf(int devId) {
        if (devId == CS32_DEV_ID) {
            return Optional.of(Stm32F1Density.MEDIUM_DENSITY);
        }
        return Stm32F1Density.ofDevId(devId);
    }

    /** "0x410 (medium-density), ..." for error messages. */
    public static String knownDevIds() {
        return Arrays.stream(Stm32F1Density.values())
                .map(d -> String.format("0x%03X (%s)", d.devId(), d.displayName()))
                .collect(Collectors.joining(", ")) + String.format(", 0x%03X (CS32 clone)", CS32_DEV_ID);
    }

    /**
     * Describes a chip.
     *
     * @param identity          the IDs read
     * @param flashSizeKb       F_SIZE in KB, empty when it read 0/0xFFFF or could not be read
     * @param romTableDesigner  JEP106 designer of the ROM table (facts §C.5), empty when unknown
     * @throws UnknownChipException when the DEV_ID is not an STM32F1 line
     */
    public static ChipDescription describe(DeviceIdentity identity, OptionalInt flashSizeKb,
                                           OptionalInt romTableDesigner) {
        Stm32F1Density density = densityOf(identity.devId()).orElseThrow(() -> new UnknownChipException(
                UnknownChipException.Reason.ID_NOT_IN_CATALOG, String.format(
                "unknown chip id 0x%03X (%s): blueflash knows the STM32F1 lines %s",
                identity.devId(), identity, knownDevIds())));
        List<String> notes = new ArrayList<>();
        long flashBytes;
        FlashSizeSource source;
        if (flashSizeKb.isPresent()) {
            flashBytes = flashSizeKb.getAsInt() * 1024L;
            source = FlashSizeSource.F_SIZE_REGISTER;
        } else {
            flashBytes = density.maxFlashBytes();
            source = FlashSizeSource.DENSITY_MAXIMUM;
            notes.add(String.format("F_SIZE unreadable or blank; assuming the %s maximum of %d KB",
                    density.displayName(), flashBytes / 1024));
        }
        if (flashBytes % density.pageSize() != 0) {
            notes.add(String.format("F_SIZE %d KB is not a whole number of %d-byte pages; using the %s maximum",
                    flashBytes / 1024, density.pageSize(), density.displayName()));
            flashBytes = density.maxFlashBytes();
            source = FlashSizeSource.DENSITY_MAXIMUM;
        }
        if (density == Stm32F1Density.MEDIUM_DENSITY && flashBytes == 64 * 1024) {
            notes.add("64 KB part (e.g. STM32F103C8): most have a working upper 64 KB that ST does not test;"
                    + " a larger flash size set by the user uses it at the user's own risk");
        }
        FlashGeometry flash = FlashGeometry.stm32f1(Stm32F1Density.FLASH_BASE, density.pageSize(), flashBytes);

        boolean clone = false;
        Optional<String> vendor = Optional.empty();
        if (identity.devId() == CS32_DEV_ID) {
            clone = true;
            vendor = Optional.of("CS32/CKS32 (China Key System)");
            notes.add("DEV_ID 0x29B is a CS32 clone's own ID; treated as medium-density");
        }
        String gd = identity.devId() == Stm32F1Density.MEDIUM_DENSITY.devId()
                ? GIGADEVICE_REV_IDS.get(identity.revId()) : null;
        if (gd != null) {
            clone = true;
            vendor = Optional.of(gd);
            notes.add(String.format("REV_ID 0x%04X belongs to %s, not to an ST part", identity.revId(), gd));
        }
        if (identity.cpuidKnown() && ((identity.cpuid() >>> 20) & 0xF) >= 2) {
            clone = true;
            if (vendor.isEmpty()) {
                vendor = Optional.of("CKS32, APM32 or GD32");
            }
            notes.add(String.format("CPUID 0x%08X is Cortex-M3 %s; genuine STM32F1 parts are r1p1 (0x%08X)",
                    identity.cpuid(), identity.coreRevision(), CPUID_GENUINE_STM32F1));
        }
        if (romTableDesigner.isPresent() && romTableDesigner.getAsInt() != DESIGNER_ST) {
            int designer = romTableDesigner.getAsInt();
            String maker = DESIGNERS.getOrDefault(designer, "JEP106 0x" + Integer.toHexString(designer));
            clone = true;
            if (vendor.isEmpty() && DESIGNERS.containsKey(designer) && designer != 0x43B) {
                vendor = Optional.of(maker);
            }
            notes.add(String.format("ROM table designer 0x%03X (%s) is not ST (0x%03X)", designer, maker, DESIGNER_ST));
        }
        String partName = "STM32F1xx " + density.displayName();
        return new ChipDescription(partName, identity, density, flash, density.sramBytesFor(flashBytes), source,
                clone, vendor, notes);
    }
}
