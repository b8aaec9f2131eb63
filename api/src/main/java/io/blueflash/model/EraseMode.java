package io.blueflash.model;

/** How a write clears flash before programming (facts §B.5). */
public enum EraseMode {
    /** Erase only the pages the image touches; their other bytes are read back and rewritten. */
    PAGES,
    /**
     * Mass erase first (FLASH_CR.MER): every page outside the image is left erased, nothing is
     * preserved. Faster for images covering most of the chip; st-flash's {@code --mass-erase}.
     */
    MASS
}
