package io.blueflash.flash;

import io.blueflash.model.ProgramPacing;
import io.blueflash.model.TraceSink;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;

/**
 * What, besides the connection, decides a family's driver.
 *
 * @param pacing    the user's choice; {@link ProgramPacing#AUTO} lets the family decide
 * @param cloneChip whether the chip was identified as a clone (facts §H.11)
 * @param progress  hears the driver's notes (a fallback it took, a change it skipped)
 * @param trace     hears the driver's steps ({@link io.blueflash.trace.TraceOperation}: unlock, erase page,
 *                  program, relock), so a teaching trace can be grouped by them
 */
public record DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress, TraceSink trace) {

    public DriverChoice {
        Objects.requireNonNull(pacing, "'pacing' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
        Objects.requireNonNull(trace, "'trace' must not be null");
    }

    /** A choice whose steps nobody traces. */
    public DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress) {
        this(pacing, cloneChip, progress, TraceSink.NONE);
    }

    /** Tells {@link #progress()} a note. */
    public void note(String text) {
        progress.onEvent(new ProgressEvent.Note(text));
    }
}
