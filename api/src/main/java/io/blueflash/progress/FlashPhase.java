package io.blueflash.progress;

/** The phases of a flash operation, in the order a write runs them. */
public enum FlashPhase {
    /** Reading the current content of the pages the image touches (to plan and to keep their other bytes). */
    READ_BACK,
    /** Page or mass erase. */
    ERASE,
    /** Half-word programming of the planned pages. */
    PROGRAM,
    /** Reading programmed pages back and comparing them with the plan. */
    VERIFY,
    /** Reading target memory into a file ({@code read}). */
    READ
}
