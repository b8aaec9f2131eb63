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

    /** The datasheet figures for one corner. */
    public static FlashTiming datasheet(TimingCorner corner) {
        return switch (corner) {
            case MIN -> new FlashTiming(40_000L, 20_000_000L, 20_000_000L);
            case TYP -> new FlashTiming(52_500L, 30_000_000L, 30_000_000L);
            case MAX -> new FlashTiming(70_000L, 40_000_000L, 40_000_000L);
        };
    }
}
