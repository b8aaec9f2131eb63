package io.blueflash.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Gang progress on an interactive terminal: one line per target, redrawn in place (cursor up N
 * lines, ANSI CSI {@code A}, then each line cleared with CSI {@code K}):
 * <pre>
 * [sim#1] program  [##########----------]  50% 32.0 KiB/64.0 KiB
 * [sim#2] done
 * </pre>
 * Several target threads report at once: every change goes through one lock, and the board is
 * redrawn at most every {@value #REDRAW_MILLIS} ms unless a line reaches an end (done, failed).
 */
public final class GangProgressBoard {

    private static final int BAR = 20;
    static final long REDRAW_MILLIS = 100;
    private static final String ESC = "\033[";

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private final List<String> labels = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private int drawnLines;
    private long lastDraw = Long.MIN_VALUE;

    public GangProgressBoard(PrintStream err) {
        this(err, System::nanoTime);
    }

    /** @param nanoClock wall-clock nanoseconds (tests pass their own) */
    public GangProgressBoard(PrintStream err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    /** Adds a target's line (before the targets start) and returns its view. */
    public synchronized ProgressView row(String label) {
        int index = labels.size();
        labels.add(label);
        lines.add("waiting");
        return new Row(index);
    }

    /** Sets a target's line to its final word ("written", "FAILED: ...") and redraws now. */
    public synchronized void finish(int index, String text) {
        lines.set(index, text);
        draw(true);
    }

    private synchronized void set(int index, String text, boolean now) {
        lines.set(index, text);
        draw(now);
    }

    private void draw(boolean now) {
        long t = nanoClock.getAsLong();
        if (!now && lastDraw != Long.MIN_VALUE && t - lastDraw < REDRAW_MILLIS * 1_000_000L) {
            return;
        }
        lastDraw = t;
        StringBuilder sb = new StringBuilder();
        if (drawnLines > 0) {
            sb.append(ESC).append(drawnLines).append('A');
        }
        int width = labels.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < lines.size(); i++) {
            sb.append('\r').append(ESC).append('K')
                    .append(String.format(Locale.ROOT, "[%s]%s %s", labels.get(i),
                            " ".repeat(width - labels.get(i).length()), lines.get(i)))
                    .append('\n');
        }
        drawnLines = lines.size();
        err.print(sb);
        err.flush();
    }

    static String bar(String phase, long done, long total) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        int filled = percent * BAR / 100;
        return String.format(Locale.ROOT, "%-9s[%s%s] %3d%% %s/%s", phase, "#".repeat(filled), "-".repeat(BAR - filled),
                percent, PlainProgressLines.kib(done), PlainProgressLines.kib(total));
    }

    /** One target's line. */
    private final class Row implements ProgressView {
        private final int index;
        private int lastPercent = -1;

        Row(int index) {
            this.index = index;
        }

        @Override
        public void phaseStarted(String phase, long totalBytes) {
            lastPercent = 0;
            set(index, bar(phase, 0, totalBytes), false);
        }

        @Override
        public void phaseProgressed(String phase, long doneBytes, long totalBytes) {
            int percent = totalBytes == 0 ? 100 : (int) (100 * doneBytes / totalBytes);
            if (percent != lastPercent) {
                lastPercent = percent;
                set(index, bar(phase, doneBytes, totalBytes), false);
            }
        }

        @Override
        public void phaseFinished(String phase, long totalBytes) {
            set(index, bar(phase, totalBytes, totalBytes), false);
        }

        @Override
        public void note(String text) {
            set(index, text, false);
        }
    }
}
