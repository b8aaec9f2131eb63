package io.blueflash.chip;

import java.util.Locale;

/** Parses a flash size as st-flash's {@code --flash=} takes it. */
public final class FlashSize {

    private FlashSize() {
    }

    /**
     * Parses "65536", "0x20000", "64k"/"64K"/"64KB"/"64KiB", "1M"/"1MB" into bytes.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "empty");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (!t.startsWith("0x")) {
            for (String[] suffix : new String[][] {{"kib", "1024"}, {"kb", "1024"}, {"k", "1024"},
                    {"mib", "1048576"}, {"mb", "1048576"}, {"m", "1048576"}}) {
                if (t.endsWith(suffix[0])) {
                    t = t.substring(0, t.length() - suffix[0].length()).trim();
                    multiplier = Long.parseLong(suffix[1]);
                    break;
                }
            }
        }
        long value;
        try {
            value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw invalid(text, "not a number");
        }
        if (value <= 0) {
            throw invalid(text, "must be positive");
        }
        if (value > (4L << 30) / multiplier) {
            throw invalid(text, "larger than the 4 GB address space");
        }
        return value * multiplier;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid flash size '" + text + "' (" + why
                + "): give bytes (65536, 0x10000) or a size with k/M (64k, 128K, 1M)");
    }
}
