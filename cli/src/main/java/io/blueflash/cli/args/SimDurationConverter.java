package io.blueflash.cli.args;

import io.blueflash.cli.args.UsageException;
import picocli.CommandLine.ITypeConverter;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * picocli converter for a simulated duration in nanoseconds: {@code 2s}, {@code 1.5s}, {@code 250ms},
 * {@code 40us}, {@code 100ns}, {@code 1m}; a bare number is seconds.
 */
public final class SimDurationConverter implements ITypeConverter<Long> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m)?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException("not a duration: '" + value + "' (examples: 2s, 1.5s, 250ms, 40us)");
        }
        long unit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (nanos.signum() <= 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new UsageException("duration out of range: '" + value + "'");
        }
        return nanos.longValue();
    }
}
