package io.blueflash.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What st-info prints.
 *
 * @param probe            selector text of the probe ("sim:stm32f103c8")
 * @param probeDescription model and firmware ("ST-Link V2 (V2J29S7)")
 * @param devId            DBGMCU_IDCODE DEV_ID (st-info {@code --chipid}: 0x0410)
 * @param revId            DBGMCU_IDCODE REV_ID
 * @param cpuid            CPUID, 0 when unreadable
 * @param partName         e.g. "STM32F1xx medium-density"
 * @param flashBaseAddress first byte of the main flash (0x0800_0000 on STM32F1)
 * @param flashSizeBytes   st-info {@code --flash}
 * @param pageSize         erase unit in bytes
 * @param sramBytes        SRAM size
 * @param isClone          whether an ID reveals a non-ST part
 * @param vendorGuess      likely maker of a clone
 * @param description      st-info {@code --descr}: one line
 * @param notes            remarks (F_SIZE fallback, clone hints)
 */
public record TargetInfo(String probe, String probeDescription, int devId, int revId, int cpuid, String partName,
                         long flashBaseAddress, long flashSizeBytes, int pageSize, int sramBytes, boolean isClone,
                         Optional<String> vendorGuess, String description, List<String> notes) {

    public TargetInfo {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(probeDescription, "'probeDescription' must not be null");
        Objects.requireNonNull(partName, "'partName' must not be null");
        Objects.requireNonNull(vendorGuess, "'vendorGuess' must not be null");
        Objects.requireNonNull(description, "'description' must not be null");
        notes = List.copyOf(Objects.requireNonNull(notes, "'notes' must not be null"));
    }
}
