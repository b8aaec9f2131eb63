package io.blueflash.flash;

import io.blueflash.model.ProgramPacing;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;

/**
 * What, besides the connection, decides a family's driver.
 *
 * @param pacing    the user's choice; {@link ProgramPacing#AUTO} lets the family decide
 * @param cloneChip whether the chip was identified as a clone (facts §H.11)
 * @param progress  hears the driver's notes (a fallback it took, a change it skipped)
 */
public record DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress) {

    public DriverChoice {
        Objects.requireNonNull(pacing, "'pacing' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
    }

    /** Tells {@link #progress()} a note. */
    public void note(String text) {
        progress.onEvent(new ProgressEvent.Note(text));
    }
}
