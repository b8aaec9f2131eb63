package io.blueflash.cli.output;

import java.io.PrintStream;

/**
 * Gang progress for logs and pipes: whole lines, each prefixed with its target's label
 * ({@code [sim#2] program: done (4.0 KiB)}), so the interleaved lines of several targets stay
 * readable. One line per phase border, as {@link PlainProgressLines}.
 */
public final class GangProgressLines {

    private final PrintStream err;

    public GangProgressLines(PrintStream err) {
        this.err = err;
    }

    /** The view of one target; lines are written whole (one println each), so targets never cut each other's. */
    public ProgressView row(String label) {
        return new PlainProgressLines(new LinePrefixer(err, "[" + label + "] "));
    }

    /** Prefixes each println with the label, as one write under the stream's lock. */
    private static final class LinePrefixer extends PrintStream {
        private final PrintStream target;
        private final String prefix;

        LinePrefixer(PrintStream target, String prefix) {
            super(target, true);
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public void println(String line) {
            target.println(prefix + line);
        }
    }
}
