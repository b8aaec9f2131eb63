package io.blueflash.cli.output;

/**
 * How the CLI shows the progress of one phase at a time (read back, erase, program, verify):
 * a redrawn bar on a terminal, plain lines when piped, nothing under {@code --json} or
 * {@code --no-progress}. Phases arrive strictly one after another.
 */
public interface ProgressView {

    ProgressView NONE = new NotesOnlyView(text -> { });

    /** Shows only the notes of {@code view} ({@code --no-progress --verbose}). */
    static ProgressView notesOnly(ProgressView view) {
        return new NotesOnlyView(view::note);
    }

    void phaseStarted(String phase, long totalBytes);

    void phaseProgressed(String phase, long doneBytes, long totalBytes);

    void phaseFinished(String phase, long totalBytes);

    /** A line of information (e.g. the plan: "3 pages to erase, 61 unchanged"). */
    void note(String text);
}
