package io.blueflash.model;

/** How a write clears flash before programming (facts §B.5). */
public enum EraseMode {
    /** Erase only the pages the image touches; their other bytes are read back and rewritten. */
    PAGES,
    /**
     * Mass erase first (FLASH_CR.MER): every page outside the image is left erased, nothing is
     * preserved. Faster for images covering most of the chip; st-flash's {@code --mass-erase}.
     */
    MASS,
    /**
     * Erase nothing and read nothing back: the touched pages are taken to be blank already (a fresh
     * chip, or one erased just before), as OpenOCD's {@code flash write_image} without {@code erase}
     * and stm32flash's {@code -e 0} assume. The fastest write where the link is slow (the ROM
     * bootloader reads 64 KB in 6.5 s at 115200 baud); a page that was not blank is not programmed
     * (the FPEC refuses, RM0008 §3.3.3 / PM0075 §2.3.3) and the write reports it.
     */
    NONE
}
