package io.blueflash.cli.output;

import java.io.PrintStream;

/**
 * A one-line bar redrawn with carriage returns, for an interactive terminal:
 * {@code program  [##########----------]  50%   32.0/64.0 KiB}. Redraws only when the shown
 * percentage changes, so a 64 KiB write costs about a hundred small writes, not thousands.
 */
public final class TerminalProgressBar implements ProgressView {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private int lastPercent = -1;
    private boolean lineOpen;

    public TerminalProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void phaseStarted(String phase, long totalBytes) {
        lastPercent = -1;
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
    }

    @Override
    public void note(String text) {
        if (lineOpen) {
            err.print('\n');
            lineOpen = false;
        }
        err.println(text);
        err.flush();
    }

    /** The bar text for one state, without the carriage return (package-visible for tests). */
    static String render(String phase, long done, long total) {
        int percent = percent(done, total);
        int filled = percent * WIDTH / 100;
        return String.format("%-8s [%s%s] %3d%% %8s/%s", phase,
                "#".repeat(filled), "-".repeat(WIDTH - filled), percent,
                PlainProgressLines.kib(done), PlainProgressLines.kib(total));
    }

    private void draw(String phase, long done, long total) {
        int percent = percent(done, total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        err.print('\r');
        err.print(render(phase, done, total));
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
