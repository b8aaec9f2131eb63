package io.blueflash.service;

import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.PagePlan;

/** Compares a programmed page with its read-back and turns a difference into an actionable error. */
final class PageReadBack {

    private PageReadBack() {
    }

    /**
     * As {@link #requireEqual}, after a write that erased nothing: the FPEC does not program a
     * half-word that is not erased (RM0008 §3.3.3), so a difference means the page held data.
     */
    static void requireEqualOnBlank(PagePlan page, byte[] expected, byte[] actual) {
        int first = firstDifference(expected, actual);
        if (first >= 0) {
            throw new FlashOperationException(FlashOperationException.Reason.VERIFY_MISMATCH, String.format(
                    "verify failed on page %d: 0x%08X reads 0x%02X where 0x%02X was written. The write erased nothing,"
                            + " taking the flash to be blank (a fresh or just-erased chip), and this page was not:"
                            + " write again with page erase (the default), which reads back and erases what it must",
                    page.index(), page.address() + first, actual[first] & 0xFF, expected[first] & 0xFF), null);
        }
    }

    private static int firstDifference(byte[] expected, byte[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                return i;
            }
        }
        return -1;
    }

    /** @throws FlashOperationException naming the first differing address and how many bytes differ */
    static void requireEqual(PagePlan page, byte[] expected, byte[] actual) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (count > 0) {
            throw new FlashOperationException(FlashOperationException.Reason.VERIFY_MISMATCH, String.format(
                    "verify failed on page %d: 0x%08X reads 0x%02X where 0x%02X was written (%d byte(s) of the "
                            + "page differ). Clone chips such as the APM32F103 drop half-words written while the "
                            + "FPEC is busy: leave the programming pace automatic (or choose half-word pacing, "
                            + "ProgramPacing.POLL_EACH); otherwise the page may be worn out",
                    page.index(), page.address() + first, actual[first] & 0xFF, expected[first] & 0xFF, count), null);
        }
    }
}
