package io.blueflash.flash;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Erases and programs flash on one target (cf. OpenOCD {@code struct flash_driver}, probe-rs
 * {@code ActiveFlasher}). Page addresses are page-aligned; programmed data is whole half-words on
 * erased flash. Implementations leave the flash controller locked after every call, also when
 * they throw.
 */
public interface FlashAlgorithm {

    /** For notes and traces: "STM32F1 FPEC (page block)", "native (bootloader)". */
    String name();

    /** Erases the page starting at {@code pageAddress}. */
    void erasePage(long pageAddress);

    /** Erases all of main flash (not the option bytes). */
    void massErase();

    /**
     * Programs {@code data} at {@code address}; the target bytes must read erased. Half-words equal
     * to 0xFFFF may be skipped (they already read so).
     */
    void programPage(long address, byte[] data);

    /**
     * Erases several pages as one batch; implementations may keep the controller unlocked across
     * them (one unlock and relock instead of one per page). {@code erased} hears each page address.
     */
    default void erasePages(List<Long> pageAddresses, LongConsumer erased) {
        for (long address : pageAddresses) {
            erasePage(address);
            erased.accept(address);
        }
    }

    /** Programs several erased pages as one batch; {@code programmed} hears each finished page. */
    default void programPages(List<PagePlan> pages, Consumer<PagePlan> programmed) {
        for (PagePlan page : pages) {
            programPage(page.address(), page.data());
            programmed.accept(page);
        }
    }

    /** Reads flash back (for planning and verification). */
    byte[] read(long address, int length);

    /** Completes buffered work (GDB vFlashDone) before anything is read back. */
    default void finish() {
    }
}
