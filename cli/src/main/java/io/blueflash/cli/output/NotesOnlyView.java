package io.blueflash.cli.output;

import java.util.Objects;
import java.util.function.Consumer;

/** A {@link ProgressView} that drops the phases and hands each note to {@code notes}. */
final class NotesOnlyView implements ProgressView {

    private final Consumer<String> notes;

    NotesOnlyView(Consumer<String> notes) {
        this.notes = Objects.requireNonNull(notes, "'notes' must not be null");
    }

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
        notes.accept(text);
    }
}
