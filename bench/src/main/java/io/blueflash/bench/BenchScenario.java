package io.blueflash.bench;

/** What one benchmark run does to a fresh simulated chip (issue 6). */
public enum BenchScenario {
    /** 64 KB image onto an erased chip, default options (skip unchanged pages, verify). */
    WRITE_64K("write 64 KB", 64 * 1024),
    /** The same without the read-back verification: the pure programming path. */
    WRITE_64K_NO_VERIFY("write 64 KB, no verify", 64 * 1024),
    /**
     * The speed choice: no compare, so only pages the image covers in part are read back (none
     * here); every touched page is erased, programmed and verified, as stm32flash {@code -w -v} does.
     */
    WRITE_64K_NO_COMPARE("write 64 KB, no compare", 64 * 1024),
    /** A fresh chip taken as blank ({@code --assume-blank}): nothing read back or erased, then verify. */
    WRITE_64K_ASSUME_BLANK("write 64 KB, assume blank", 64 * 1024),
    /** 128 KB image (on a 64 KB-reporting F103C8 with {@code --flash=128k}). */
    WRITE_128K("write 128 KB", 128 * 1024),
    /** The 64 KB image written a second time: every page is unchanged. */
    REWRITE_SAME_64K("re-write same 64 KB", 64 * 1024),
    /** The 64 KB image again with one byte changed: one page erased and programmed. */
    CHANGE_ONE_BYTE_64K("change 1 byte of 64 KB", 64 * 1024),
    /** Read 64 KB of flash back. */
    READ_64K("read 64 KB", 64 * 1024),
    /** Mass erase (FLASH_CR.MER). */
    MASS_ERASE("mass erase", 0);

    private final String label;
    private final int imageBytes;

    BenchScenario(String label, int imageBytes) {
        this.label = label;
        this.imageBytes = imageBytes;
    }

    public String label() {
        return label;
    }

    /** Bytes of the image written or read; 0 for an erase. */
    public int imageBytes() {
        return imageBytes;
    }
}
