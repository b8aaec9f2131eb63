package io.blueflash.port.in;

import io.blueflash.model.AddressRange;
import java.util.Objects;
import java.util.Optional;

/**
 * @param massErase   whether FLASH_CR.MER erased all of main flash
 * @param pagesErased pages now erased (all pages after a mass erase)
 * @param erased      the addresses now reading 0xFF (whole pages)
 * @param flashMap    every page and what the erase did to it, when the request asked for it
 */
public record EraseReport(String probe, String chip, boolean massErase, int pagesErased, AddressRange erased,
                          OperationTiming timing, Optional<FlashMap> flashMap) {

    public EraseReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(erased, "'erased' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
        Objects.requireNonNull(flashMap, "'flashMap' must not be null");
    }
}
