package io.blueflash.flash;

/** What a write does to one touched flash page. */
public enum PageAction {
    /** The page already holds the wanted bytes: no erase cycle spent, nothing written. */
    SKIP_UNCHANGED,
    /** The page reads fully erased (0xFF): program it without erasing. */
    PROGRAM_ONLY,
    /** Erase the page, then program its final bytes (image bytes plus the page's preserved bytes). */
    ERASE_AND_PROGRAM
}
