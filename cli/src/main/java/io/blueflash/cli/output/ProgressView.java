package io.blueflash.cli.output;

/**
 * How the CLI shows the progress of one phase at a time (read back, erase, program, verify):
 * a redrawn bar on a terminal, plain lines when piped, nothing under {@code --json} or
 * {@code --no-progress}. Phases arrive strictly one after another.
 */
public interface ProgressView {

    ProgressView NONE = new ProgressView() {
        @Override
        public void phaseStarted(String phase, long totalBytes) {
        }

        @Override
        public void phaseProgressed(String phase, long doneBytes, long totalBytes) {
        }

        @Override
        public void phaseFinished(String phase, long totalBytes) {
        }

        @Override
        public void note(String text) {
        }
    };

    /** Shows only the notes of {@code view} ({@code --no-progress --verbose}). */
    static ProgressView notesOnly(ProgressView view) {
        return new ProgressView() {
            @Override
            public void phaseStarted(String phase, long totalBytes) {
            }

            @Override
            public void phaseProgressed(String phase, long doneBytes, long totalBytes) {
            }

            @Override
            public void phaseFinished(String phase, long totalBytes) {
            }

            @Override
            public void note(String text) {
                view.note(text);
            }
        };
    }

    void phaseStarted(String phase, long totalBytes);

    void phaseProgressed(String phase, long doneBytes, long totalBytes);

    void phaseFinished(String phase, long totalBytes);

    /** A line of information (e.g. the plan: "3 pages to erase, 61 unchanged"). */
    void note(String text);
}
