package io.blueflash.sim.chip;

/**
 * How long the FPEC holds BSY, in nanoseconds (DS5319 Tables 28/29, facts §B.8).
 *
 * <p>t_prog is 40 / 52.5 / 70 µs (min / typ / max). t_ERASE (page) and t_ME (mass) are only given
 * as 20–40 ms: the datasheet has <em>no typical value</em>, so {@link TimingCorner#TYP} uses the
 * midpoint, 30 ms. Option-byte erase and program times are not in the sources (facts §B.8): they
 * are modelled as a page erase and a half-word program.
 *
 * @param programNanos   t_prog, one half-word
 * @param pageEraseNanos t_ERASE, one page
 * @param massEraseNanos t_ME, one bank
 */
public record FlashTiming(long programNanos, long pageEraseNanos, long massEraseNanos) {

    public FlashTiming {
        if (programNanos < 0 || pageEraseNanos < 0 || massEraseNanos < 0) {
            throw new IllegalArgumentException("flash times must not be negative");
        }
    }

    /**
     * Figures calibrated on real boards (docs/sim.md, "Timing presets"): t_prog from OpenOCD's
     * 47.0 KiB/s after a mass erase (64 KiB in 1.36 s, mike-pittelko/stlink-v2-toolkit), t_ERASE
     * from its 17.6 KiB/s with page erase (64 KiB in 3.63 s, archont94/mutable-env), each the value
     * with which the same OpenOCD through the simulated ST-Link V2 reproduces the board; t_ME taken
     * as t_ERASE (no published board figure tells them apart). t_prog lies below DS5319's 40 µs
     * minimum: 1.36 s for 32768 half-words leaves no room for OpenOCD's set-up and the drain of its
     * FIFO at 40 µs, so that part programmed faster than the datasheet guarantees.
     */
    public static FlashTiming measured() {
        return new FlashTiming(MEASURED_PROGRAM_NANOS, MEASURED_PAGE_ERASE_NANOS, MEASURED_PAGE_ERASE_NANOS);
    }

    /** t_prog of {@link #measured()}. */
    public static final long MEASURED_PROGRAM_NANOS = 34_000L;
    /** t_ERASE (and t_ME) of {@link #measured()}. */
    public static final long MEASURED_PAGE_ERASE_NANOS = 27_500_000L;

    /** The datasheet figures for one corner. */
    public static FlashTiming datasheet(TimingCorner corner) {
        return switch (corner) {
            case MIN -> new FlashTiming(40_000L, 20_000_000L, 20_000_000L);
            case TYP -> new FlashTiming(52_500L, 30_000_000L, 30_000_000L);
            case MAX -> new FlashTiming(70_000L, 40_000_000L, 40_000_000L);
        };
    }
}
