package io.blueflash.cli.output;

import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Feeds the core's {@link ProgressEvent}s to a {@link ProgressView} and keeps the notes (chip
 * identified, plan, fallbacks) for the {@code --json} document.
 */
public final class ProgressEvents implements ProgressListener {

    private final ProgressView view;
    private final boolean showNotes;
    private final List<String> notes = new ArrayList<>();

    /**
     * @param view      where phases are drawn ({@link ProgressView#NONE} for none)
     * @param showNotes whether notes go to the view too (not under {@code --json})
     */
    public ProgressEvents(ProgressView view, boolean showNotes) {
        this.view = Objects.requireNonNull(view, "'view' must not be null");
        this.showNotes = showNotes;
    }

    @Override
    public void onEvent(ProgressEvent event) {
        // Java 17: no pattern switch yet; the sealed hierarchy keeps this list complete
        if (event instanceof ProgressEvent.Note n) {
            note(n.text());
        } else if (event instanceof ProgressEvent.PlanReady p) {
            note(planText(p));
        } else if (event instanceof ProgressEvent.PhaseStarted s) {
            view.phaseStarted(name(s.phase()), s.totalBytes());
        } else if (event instanceof ProgressEvent.PhaseProgressed p) {
            view.phaseProgressed(name(p.phase()), p.doneBytes(), p.totalBytes());
        } else if (event instanceof ProgressEvent.PhaseFinished f) {
            view.phaseFinished(name(f.phase()), f.totalBytes());
        } else if (event instanceof ProgressEvent.PhaseFailed f) {
            note(name(f.phase()) + " failed: " + f.message());
        }
    }

    /** Adds a note of the CLI's own (probe chosen from the environment...). */
    public void note(String text) {
        notes.add(text);
        if (showNotes) {
            view.note(text);
        }
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    static String planText(ProgressEvent.PlanReady p) {
        return String.format("plan: %d page(s) to erase%s, %d to program (%d bytes), %d unchanged",
                p.pagesToErase(), p.massErase() ? " (mass erase)" : "", p.pagesToProgram(), p.bytesToProgram(),
                p.pagesUnchanged());
    }

    private static String name(FlashPhase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
