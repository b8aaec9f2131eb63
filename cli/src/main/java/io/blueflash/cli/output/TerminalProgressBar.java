package io.blueflash.cli.output;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line bar redrawn with carriage returns, for an interactive terminal, with the phase's
 * rate, elapsed time and estimated time left:
 * {@code program  [#####-----]  50% 32.0 KiB/64.0 KiB  16.0 KiB/s  0:02 ETA 0:02}. Redraws only
 * when the shown percentage changes, so a 64 KiB write costs about a hundred small writes, not
 * thousands. Only for a terminal on stderr and never while {@code --trace} writes there too.
 */
public final class TerminalProgressBar implements ProgressView {

    private static final int WIDTH = 30;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private int lastPercent = -1;
    private boolean lineOpen;
    private long phaseStartNanos;
    private int lastLength;

    public TerminalProgressBar(PrintStream err) {
        this(err, System::nanoTime);
    }

    /** @param nanoClock wall-clock nanoseconds (tests pass their own) */
    public TerminalProgressBar(PrintStream err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    @Override
    public void phaseStarted(String phase, long totalBytes) {
        lastPercent = -1;
        phaseStartNanos = nanoClock.getAsLong();
        draw(phase, 0, totalBytes);
    }

    @Override
    public void phaseProgressed(String phase, long doneBytes, long totalBytes) {
        draw(phase, doneBytes, totalBytes);
    }

    @Override
    public void phaseFinished(String phase, long totalBytes) {
        lastPercent = -1;
        draw(phase, totalBytes, totalBytes);
        err.print('\n');
        err.flush();
        lineOpen = false;
        lastLength = 0;
    }

    @Override
    public void note(String text) {
        if (lineOpen) {
            err.print('\n');
            lineOpen = false;
            lastLength = 0;
        }
        err.println(text);
        err.flush();
    }

    /** The bar text for one state, without the carriage return (package-visible for tests). */
    static String render(String phase, long done, long total, long elapsedNanos) {
        int percent = percent(done, total);
        int filled = percent * WIDTH / 100;
        String bar = String.format("%-8s [%s%s] %3d%% %8s/%s", phase,
                "#".repeat(filled), "-".repeat(WIDTH - filled), percent,
                PlainProgressLines.kib(done), PlainProgressLines.kib(total));
        if (done <= 0 || elapsedNanos <= 0) {
            return bar + String.format("  %s", clock(elapsedNanos));
        }
        double bytesPerSecond = done * (double) NANOS_PER_SECOND / elapsedNanos;
        long leftNanos = done >= total ? 0 : (long) ((total - done) / bytesPerSecond * NANOS_PER_SECOND);
        return bar + String.format(Locale.ROOT, "  %.1f KiB/s  %s ETA %s", bytesPerSecond / 1024,
                clock(elapsedNanos), clock(leftNanos));
    }

    /** {@code m:ss}. */
    private static String clock(long nanos) {
        long seconds = Math.max(0, nanos) / NANOS_PER_SECOND;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void draw(String phase, long done, long total) {
        int percent = percent(done, total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        String text = render(phase, done, total, nanoClock.getAsLong() - phaseStartNanos);
        err.print('\r');
        err.print(text);
        err.print(" ".repeat(Math.max(0, lastLength - text.length()))); // no ANSI: blank what a longer line left
        lastLength = text.length();
        err.flush();
        lineOpen = true;
    }

    private static int percent(long done, long total) {
        if (total <= 0) {
            return 100;
        }
        return (int) Math.max(0, Math.min(100, done * 100 / total));
    }
}
