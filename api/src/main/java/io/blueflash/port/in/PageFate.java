package io.blueflash.port.in;

/** What one operation did to one flash page, as a flash map shows it. */
public enum PageFate {
    /** Not part of the operation. */
    UNTOUCHED,
    /** The image touches it, but it already held the wanted bytes: skipped, no erase cycle spent. */
    UNCHANGED,
    /** It read fully erased, so it was programmed without an erase. */
    PROGRAMMED,
    /** Erased (page by page or by a mass erase), then programmed. */
    ERASED_AND_PROGRAMMED,
    /** Erased and left erased. */
    ERASED,
    /** Compared with the image and equal ({@code verify}). */
    VERIFIED,
    /** Compared with the image and different ({@code verify}). */
    MISMATCHED
}
