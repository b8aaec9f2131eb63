package io.blueflash.cli.args;

import java.util.Locale;

/**
 * Parses the numbers of st-flash's grammar: addresses ({@code 0x8000000}, {@code 0x08000000},
 * decimal), sizes ({@code 4096}, {@code 0x1000}, {@code 64k}, {@code 1M}) and SWD clock rates
 * ({@code 1800}, {@code 1800k}, {@code 4M}; a bare number is kHz as in st-flash's {@code --freq}).
 * Every error names the offending text and shows a valid example.
 */
public final class NumberArguments {

    private static final long MAX_32_BIT = 0xFFFF_FFFFL;

    private NumberArguments() {
    }

    /** An unsigned 32-bit address, hex with {@code 0x} or decimal. */
    public static long parseAddress(String text) {
        long value = parseUnsigned(text, "address", "0x08000000");
        if (value > MAX_32_BIT) {
            throw new IllegalArgumentException(String.format(
                    "address '%s' does not fit in 32 bits (largest is 0xFFFFFFFF)", text.trim()));
        }
        return value;
    }

    /** A byte count: decimal or hex, optionally with a {@code k}/{@code K} (KiB) or {@code m}/{@code M} (MiB) suffix. */
    public static long parseSize(String text) {
        String trimmed = requireText(text, "size", "4096");
        long multiplier = 1;
        char last = trimmed.charAt(trimmed.length() - 1);
        boolean hex = trimmed.toLowerCase(Locale.ROOT).startsWith("0x");
        if (!hex && (last == 'k' || last == 'K')) {
            multiplier = 1024;
        } else if (!hex && (last == 'm' || last == 'M')) {
            multiplier = 1024 * 1024;
        }
        String digits = multiplier == 1 ? trimmed : trimmed.substring(0, trimmed.length() - 1);
        long value = parseUnsigned(digits, "size", "4096, 0x1000 or 64k");
        long bytes = value * multiplier;
        if (bytes > MAX_32_BIT + 1) {
            throw new IllegalArgumentException("size '" + trimmed + "' is larger than the 4 GiB address space");
        }
        return bytes;
    }

    /** An SWD clock in kHz: {@code 4000}, {@code 4000k}, {@code 4M} (st-flash's {@code --freq} forms). */
    public static int parseFrequencyKhz(String text) {
        String trimmed = requireText(text, "frequency", "1800k");
        char last = trimmed.charAt(trimmed.length() - 1);
        long khz;
        if (last == 'm' || last == 'M') {
            khz = parseUnsigned(trimmed.substring(0, trimmed.length() - 1), "frequency", "4M") * 1000;
        } else if (last == 'k' || last == 'K') {
            khz = parseUnsigned(trimmed.substring(0, trimmed.length() - 1), "frequency", "1800k");
        } else {
            khz = parseUnsigned(trimmed, "frequency", "1800");
        }
        if (khz <= 0 || khz > 100_000) {
            throw new IllegalArgumentException("frequency '" + trimmed + "' is out of range: give kHz, e.g. 1800 or 4M");
        }
        return (int) khz;
    }

    /** Formats an address the way the reference manual writes it: {@code 0x08000000}. */
    public static String hex32(long value) {
        return String.format("0x%08X", value);
    }

    private static long parseUnsigned(String text, String what, String example) {
        String trimmed = requireText(text, what, example);
        String lower = trimmed.toLowerCase(Locale.ROOT).replace("_", "");
        try {
            long value = lower.startsWith("0x")
                    ? Long.parseUnsignedLong(lower.substring(2), 16)
                    : Long.parseUnsignedLong(lower, 10);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(
                    "'%s' is not a valid %s: use hex with 0x or decimal, e.g. %s", trimmed, what, example));
        }
    }

    private static String requireText(String text, String what, String example) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing " + what + ": e.g. " + example);
        }
        return text.trim();
    }
}
