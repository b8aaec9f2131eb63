package io.blueflash.cli.output;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as whole lines, for logs and pipes (no carriage returns, no ANSI): one line when a
 * phase starts and one when it ends.
 */
public final class PlainProgressLines implements ProgressView {

    private final PrintStream err;

    public PlainProgressLines(PrintStream err) {
        this.err = err;
    }

    @Override
    public void phaseStarted(String phase, long totalBytes) {
        err.println(phase + ": " + totalBytes + " bytes ...");
    }

    @Override
    public void phaseProgressed(String phase, long doneBytes, long totalBytes) {
        // whole lines only at the phase borders: a log should not hold a line per page
    }

    @Override
    public void phaseFinished(String phase, long totalBytes) {
        err.println(phase + ": done (" + kib(totalBytes) + ")");
    }

    @Override
    public void note(String text) {
        err.println(text);
    }

    /** {@code 1536} → {@code "1.5 KiB"}. */
    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
