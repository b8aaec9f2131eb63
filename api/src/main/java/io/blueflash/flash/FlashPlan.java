package io.blueflash.flash;

import io.blueflash.model.FlashGeometry;
import java.util.List;
import java.util.Objects;

/**
 * What a write will do, page by page, before anything on the target changes.
 *
 * @param geometry  the flash planned against
 * @param massErase whether the whole flash is mass erased first (then no page is erased alone)
 * @param pages     the touched pages in address order
 */
public record FlashPlan(FlashGeometry geometry, boolean massErase, List<PagePlan> pages) {

    public FlashPlan {
        Objects.requireNonNull(geometry, "'geometry' must not be null");
        pages = List.copyOf(Objects.requireNonNull(pages, "'pages' must not be null"));
    }

    public int count(PageAction action) {
        return (int) pages.stream().filter(p -> p.action() == action).count();
    }

    public List<PagePlan> pagesToErase() {
        return pages.stream().filter(PagePlan::needsErase).toList();
    }

    public List<PagePlan> pagesToProgram() {
        return pages.stream().filter(PagePlan::needsProgram).toList();
    }

    public long bytesToProgram() {
        return pagesToProgram().stream().mapToLong(PagePlan::size).sum();
    }
}
