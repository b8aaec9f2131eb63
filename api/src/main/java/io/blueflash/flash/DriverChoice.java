package io.blueflash.flash;

import io.blueflash.model.FlashMethod;
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
 * @param method    SRAM loader or registers; {@link FlashMethod#AUTO} lets the family decide
 * @param sramBytes the chip's SRAM, for a flash loader's work area; 0 when unknown (no loader then)
 */
public record DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress, TraceSink trace,
                           FlashMethod method, int sramBytes) {

    public DriverChoice {
        Objects.requireNonNull(pacing, "'pacing' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
        Objects.requireNonNull(trace, "'trace' must not be null");
        Objects.requireNonNull(method, "'method' must not be null");
        if (sramBytes < 0) {
            throw new IllegalArgumentException("'sramBytes' must not be negative: " + sramBytes);
        }
    }

    /** A choice whose steps nobody traces, without SRAM to lend: registers or the far end's commands. */
    public DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress) {
        this(pacing, cloneChip, progress, TraceSink.NONE);
    }

    /** A traced choice without SRAM to lend. */
    public DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress, TraceSink trace) {
        this(pacing, cloneChip, progress, trace, FlashMethod.AUTO, 0);
    }

    /** An untraced choice with a method and the chip's SRAM. */
    public DriverChoice(ProgramPacing pacing, boolean cloneChip, ProgressListener progress, FlashMethod method,
                        int sramBytes) {
        this(pacing, cloneChip, progress, TraceSink.NONE, method, sramBytes);
    }

    /** Tells {@link #progress()} a note. */
    public void note(String text) {
        progress.onEvent(new ProgressEvent.Note(text));
    }
}
