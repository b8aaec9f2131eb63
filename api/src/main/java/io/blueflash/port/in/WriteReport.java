package io.blueflash.port.in;

import io.blueflash.model.UniqueId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a write did.
 *
 * @param probe           the probe used ("sim:stm32f103c8", "stlink:0671FF...")
 * @param chip            the chip's one-line summary
 * @param pagesErased     pages erased one by one (0 after a mass erase)
 * @param pagesProgrammed pages programmed
 * @param pagesSkipped    touched pages that already held the image bytes
 * @param bytesWritten    bytes programmed (whole pages, including preserved bytes)
 * @param massErased      whether the chip was mass erased first
 * @param verified        whether the programmed pages were read back and matched
 * @param resetAndRun     whether the target was reset and left running
 * @param uniqueId        the chip's 96-bit unique ID, when the request asked for per-target data
 *                        and the probe could read it
 * @param targetData      what per-target data was written ("" for none)
 * @param flashMap        every page and what the write did to it, when the request asked for it
 */
public record WriteReport(String probe, String chip, int pagesErased, int pagesProgrammed, int pagesSkipped,
                          long bytesWritten, boolean massErased, boolean verified, boolean resetAndRun,
                          OperationTiming timing, Optional<UniqueId> uniqueId, String targetData,
                          Optional<FlashMap> flashMap) {

    /** A report without a flash map. */
    public WriteReport(String probe, String chip, int pagesErased, int pagesProgrammed, int pagesSkipped,
                       long bytesWritten, boolean massErased, boolean verified, boolean resetAndRun,
                       OperationTiming timing, Optional<UniqueId> uniqueId, String targetData) {
        this(probe, chip, pagesErased, pagesProgrammed, pagesSkipped, bytesWritten, massErased, verified, resetAndRun,
                timing, uniqueId, targetData, Optional.empty());
    }

    public WriteReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
        Objects.requireNonNull(uniqueId, "'uniqueId' must not be null");
        Objects.requireNonNull(targetData, "'targetData' must not be null");
        Objects.requireNonNull(flashMap, "'flashMap' must not be null");
    }
}
