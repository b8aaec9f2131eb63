package io.blueflash.flash.stm32f1;

import io.blueflash.flash.DriverChoice;
import io.blueflash.trace.TraceOperation;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.PagePlan;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Page-block programming on a chip not identified as a clone, with a clone-safe way out: the first
 * page of a batch goes alone and is read back at once. If half-words are missing, the chip drops
 * writes made while the FPEC is busy (an unrecognised clone, facts §H.11): that page is erased and
 * reprogrammed, and everything after it goes, with half-word pacing.
 */
final class ClonePacingGuard implements FlashAlgorithm {

    private final FlashAlgorithm fast;
    private final FlashAlgorithm safe;
    private final DriverChoice choice;
    private FlashAlgorithm current;
    private boolean checked;

    ClonePacingGuard(FlashAlgorithm fast, FlashAlgorithm safe, DriverChoice choice) {
        this.fast = Objects.requireNonNull(fast, "'fast' must not be null");
        this.safe = Objects.requireNonNull(safe, "'safe' must not be null");
        this.choice = Objects.requireNonNull(choice, "'choice' must not be null");
        this.current = fast;
    }

    @Override
    public String name() {
        return current.name();
    }

    @Override
    public void erasePage(long pageAddress) {
        current.erasePage(pageAddress);
    }

    @Override
    public void erasePages(List<Long> pageAddresses, LongConsumer erased) {
        current.erasePages(pageAddresses, erased);
    }

    @Override
    public void massErase() {
        current.massErase();
    }

    @Override
    public void programPage(long address, byte[] data) {
        current.programPage(address, data);
    }

    @Override
    public void programPages(List<PagePlan> pages, Consumer<PagePlan> programmed) {
        if (pages.isEmpty()) {
            return;
        }
        int start = 0;
        if (!checked) {
            checked = true;
            PagePlan page = pages.get(0);
            fast.programPage(page.address(), page.data());
            fast.finish();
            choice.trace().operation(new TraceOperation.CheckPacing(page.index()));
            if (!Arrays.equals(fast.read(page.address(), page.size()), page.data())) {
                choice.note("page " + page.index() + " read back wrong after block programming: this chip "
                        + "drops half-words written while the FPEC is busy (a clone); "
                        + "reprogramming with half-word pacing, which is slower");
                current = safe;
                current.erasePage(page.address());
                current.programPage(page.address(), page.data());
            }
            programmed.accept(page);
            start = 1;
        }
        current.programPages(pages.subList(start, pages.size()), programmed);
    }

    @Override
    public byte[] read(long address, int length) {
        return current.read(address, length);
    }

    @Override
    public void finish() {
        current.finish();
    }
}
