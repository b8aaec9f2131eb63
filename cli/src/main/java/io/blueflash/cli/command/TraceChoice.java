package io.blueflash.cli.command;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code --trace} asked for. The grammar keeps today's bare {@code --trace} (everything, on
 * stderr) and adds a value that must be attached with {@code =}, so {@code write --trace fw.bin}
 * still means a trace and a file to write:
 * <ul>
 *   <li>{@code --trace} or {@code --trace=full}: every transaction, grouped under the operations;</li>
 *   <li>{@code --trace=ops}: only the operations, each with its manual section, count and time;</li>
 *   <li>{@code --trace=FILE}: everything into FILE instead of stderr, so it never mixes with progress;</li>
 *   <li>{@code --trace=ops:FILE} or {@code --trace=full:FILE}: a level into a file.</li>
 * </ul>
 * A file named like a level is given with a path: {@code --trace=./ops}.
 *
 * @param on    whether a trace was asked for
 * @param level everything, or the operations only
 * @param file  where it goes; empty: stderr
 */
public record TraceChoice(boolean on, Level level, Optional<Path> file) {

    /** How much of the trace to show. */
    public enum Level {
        /** Every line, grouped under the operation it belongs to. */
        FULL,
        /** The operations only. */
        OPS
    }

    /** No trace. */
    public static final TraceChoice OFF = new TraceChoice(false, Level.FULL, Optional.empty());
    /** The bare {@code --trace}: everything, on stderr. */
    public static final TraceChoice FULL_ON_STDERR = new TraceChoice(true, Level.FULL, Optional.empty());

    public TraceChoice {
        Objects.requireNonNull(level, "'level' must not be null");
        Objects.requireNonNull(file, "'file' must not be null");
    }

    /** Today's boolean {@code --trace}. */
    public static TraceChoice of(boolean on) {
        return on ? FULL_ON_STDERR : OFF;
    }

    /**
     * @param value the text after {@code --trace=}, or null when the option was not given
     * @throws io.blueflash.cli.args.UsageException for an empty value or an empty file name
     */
    public static TraceChoice parse(String value) {
        if (value == null) {
            return OFF;
        }
        if (value.isEmpty()) {
            throw new io.blueflash.cli.args.UsageException(
                    "--trace= needs a value: full, ops, a FILE, or ops:FILE (or give --trace alone)");
        }
        for (Level level : Level.values()) {
            String word = level.name().toLowerCase(java.util.Locale.ROOT);
            if (value.equals(word)) {
                return new TraceChoice(true, level, Optional.empty());
            }
            if (value.startsWith(word + ":")) {
                String file = value.substring(word.length() + 1);
                if (file.isEmpty()) {
                    throw new io.blueflash.cli.args.UsageException("--trace=" + value + " names no file after '" + word + ":'");
                }
                return new TraceChoice(true, level, Optional.of(Path.of(file)));
            }
        }
        return new TraceChoice(true, Level.FULL, Optional.of(Path.of(value)));
    }

    /** Whether the trace shares stderr with progress (then no redrawn progress bar). */
    public boolean toStderr() {
        return on && file.isEmpty();
    }
}
