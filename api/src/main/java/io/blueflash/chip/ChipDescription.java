package io.blueflash.chip;

import io.blueflash.flash.FlashFamily;
import io.blueflash.model.FlashGeometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An identified target: what it is, its flash as the FPEC sees it, and whether it looks like a
 * clone. Built by {@link ChipCatalog}; {@link #withFlashSize} applies st-flash's {@code --flash=}.
 *
 * @param partName        e.g. "STM32F1xx medium-density" (DEV_IDs are shared by F101/F102/F103)
 * @param identity        the raw IDs
 * @param density         the density line of the DEV_ID
 * @param flash           main-flash geometry (base, page size, page count)
 * @param sramBytes       SRAM size
 * @param flashSizeSource where {@code flash}'s size came from
 * @param isClone         true (CONTRACTS C4 says clone(), which Java forbids: Object.clone()) when an ID reveals a non-ST part (facts §A.4, §A.5, §C.5)
 * @param vendorGuess     the likely maker of a clone ("CKS32, APM32 or GD32 ..."), if any
 * @param notes           human-readable remarks for {@code info}/{@code --debug} (F_SIZE fallback, clone hints)
 */
public record ChipDescription(String partName, DeviceIdentity identity, Stm32F1Density density, FlashGeometry flash,
                              int sramBytes, FlashSizeSource flashSizeSource, boolean isClone,
                              Optional<String> vendorGuess, List<String> notes) {

    public ChipDescription {
        Objects.requireNonNull(partName, "'partName' must not be null");
        Objects.requireNonNull(identity, "'identity' must not be null");
        Objects.requireNonNull(density, "'density' must not be null");
        Objects.requireNonNull(flash, "'flash' must not be null");
        Objects.requireNonNull(flashSizeSource, "'flashSizeSource' must not be null");
        Objects.requireNonNull(vendorGuess, "'vendorGuess' must not be null");
        Objects.requireNonNull(notes, "'notes' must not be null");
        if (sramBytes <= 0) {
            throw new IllegalArgumentException("'sramBytes' must be positive: " + sramBytes);
        }
        notes = List.copyOf(notes);
    }

    /** Whose flash driver programs this chip (the catalog row's family). */
    public FlashFamily flashFamily() {
        return density.flashFamily();
    }

    /**
     * The same chip with {@code bytes} of flash (st-flash {@code --flash=128k}). A Blue Pill's
     * STM32F103C8 reports 64 KB in F_SIZE but usually has a working upper 64 KB (untested by ST,
     * facts §A.2): {@code --flash=128k} unlocks it, at the user's risk.
     *
     * @throws IllegalArgumentException unless {@code bytes} is a positive multiple of the page size
     */
    public ChipDescription withFlashSize(long bytes) {
        if (bytes <= 0 || bytes % flash.pageSize() != 0) {
            throw new IllegalArgumentException(String.format(
                    "flash size %d bytes must be a positive multiple of the %d-byte page of a %s part",
                    bytes, flash.pageSize(), density.displayName()));
        }
        List<String> n = new ArrayList<>(notes);
        n.add(String.format("flash size set to %d KB by the user (the chip reports %d KB)",
                bytes / 1024, flash.sizeBytes() / 1024));
        if (bytes > density.maxFlashBytes()) {
            n.add(String.format("%d KB is more than any %s part has (%d KB)", bytes / 1024,
                    density.displayName(), density.maxFlashBytes() / 1024));
        }
        FlashGeometry g = FlashGeometry.stm32f1(flash.baseAddress(), flash.pageSize(), bytes);
        return new ChipDescription(partName, identity, density, g, sramBytes, FlashSizeSource.USER_OVERRIDE,
                isClone, vendorGuess, n);
    }

    /** One line for {@code info --descr} and logs. */
    public String summary() {
        return String.format("%s, %d KB flash (%d-byte pages), %d KB SRAM%s", partName, flash.sizeBytes() / 1024,
                flash.pageSize(), sramBytes / 1024,
                isClone ? ", clone" + vendorGuess.map(v -> " (" + v + ")").orElse("") : "");
    }
}
