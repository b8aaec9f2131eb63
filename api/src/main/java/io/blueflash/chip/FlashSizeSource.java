package io.blueflash.chip;

/** Where a {@link ChipDescription}'s flash size came from, so {@code info} can say how much to trust it. */
public enum FlashSizeSource {
    /** The F_SIZE register (0x1FFFF7E0, facts §A.1): what ST tested and guarantees. */
    F_SIZE_REGISTER,
    /** F_SIZE read 0, 0xFFFF or faulted: the density line's maximum, as OpenOCD does (facts §A.2). */
    DENSITY_MAXIMUM,
    /** The user said so ({@code --flash=128k}). */
    USER_OVERRIDE
}
