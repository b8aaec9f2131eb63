package io.blueflash.port.in;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every page of the chip's flash and what one write, erase or verify did to it, with the time of
 * each phase: the facts behind {@code --flash-map} and the JSON document, independent of how they
 * are drawn.
 *
 * @param operation      "write", "erase" or "verify"
 * @param chip           the chip's one-line summary
 * @param pageSize       bytes per page
 * @param banks          the flash banks, in address order
 * @param pages          every page of the flash, in address order
 * @param protectionRead whether the option bytes were read, so {@link PageCell#writeProtected()} and
 *                       {@link PageCell#readProtected()} mean something
 * @param phases         the phases that ran, in order
 * @param timing         the whole operation (connect and identification included)
 */
public record FlashMap(String operation, String chip, int pageSize, List<FlashBank> banks, List<PageCell> pages,
                       boolean protectionRead, List<PhaseTime> phases, OperationTiming timing) {

    public FlashMap {
        Objects.requireNonNull(operation, "'operation' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
        banks = List.copyOf(Objects.requireNonNull(banks, "'banks' must not be null"));
        pages = List.copyOf(Objects.requireNonNull(pages, "'pages' must not be null"));
        phases = List.copyOf(Objects.requireNonNull(phases, "'phases' must not be null"));
        if (banks.isEmpty() || pages.isEmpty()) {
            throw new IllegalArgumentException("a flash map has at least one bank and one page");
        }
    }

    /** How many pages had each fate (every fate present, zero when none). */
    public Map<PageFate, Integer> counts() {
        Map<PageFate, Integer> counts = new EnumMap<>(PageFate.class);
        for (PageFate fate : PageFate.values()) {
            counts.put(fate, 0);
        }
        pages.forEach(p -> counts.merge(p.fate(), 1, Integer::sum));
        return counts;
    }

    public int count(PageFate fate) {
        return counts().get(fate);
    }

    /** Bytes kept around the image in the pages the operation rewrote. */
    public long keptBytes() {
        return pages.stream().mapToLong(PageCell::keptBytes).sum();
    }

    public long writeProtectedPages() {
        return pages.stream().filter(PageCell::writeProtected).count();
    }

    /** The pages of {@code bank}, in address order. */
    public List<PageCell> pagesOf(FlashBank bank) {
        return pages.stream().filter(p -> p.bank() == bank.number()).toList();
    }
}
