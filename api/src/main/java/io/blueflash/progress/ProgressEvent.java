package io.blueflash.progress;

import java.time.Duration;
import java.util.Objects;

/**
 * What a long operation reports, in this order:
 * <ol>
 *   <li>{@link Note}s at any time (chip identified, fallbacks taken, warnings);</li>
 *   <li>for a write: the {@link FlashPhase#READ_BACK} phase, then exactly one {@link PlanReady}
 *       (nothing is erased before the plan is known);</li>
 *   <li>each phase that has work, in {@link FlashPhase} order: one {@link PhaseStarted}, zero or
 *       more {@link PhaseProgressed} with growing {@code doneBytes}, then one {@link PhaseFinished}
 *       — or one {@link PhaseFailed}, after which no event follows. A phase with nothing to do
 *       (all pages unchanged, verify turned off) sends no event at all.</li>
 * </ol>
 */
public sealed interface ProgressEvent {

    /** The write plan, before anything on the target changes. */
    record PlanReady(int pagesToErase, int pagesToProgram, int pagesUnchanged, long bytesToProgram,
                     boolean massErase) implements ProgressEvent {
        public PlanReady {
            if (pagesToErase < 0 || pagesToProgram < 0 || pagesUnchanged < 0 || bytesToProgram < 0) {
                throw new IllegalArgumentException("plan counts must not be negative");
            }
        }
    }

    /** @param totalBytes work of the phase in bytes (page bytes for ERASE) */
    record PhaseStarted(FlashPhase phase, long totalBytes) implements ProgressEvent {
        public PhaseStarted {
            Objects.requireNonNull(phase, "'phase' must not be null");
        }
    }

    /** @param doneBytes bytes finished so far in this phase (cumulative) */
    record PhaseProgressed(FlashPhase phase, long doneBytes, long totalBytes) implements ProgressEvent {
        public PhaseProgressed {
            Objects.requireNonNull(phase, "'phase' must not be null");
        }

        /** 0.0–1.0. */
        public double fraction() {
            return totalBytes == 0 ? 1.0 : (double) doneBytes / totalBytes;
        }
    }

    /** @param wall host time the phase took */
    record PhaseFinished(FlashPhase phase, long totalBytes, Duration wall) implements ProgressEvent {
        public PhaseFinished {
            Objects.requireNonNull(phase, "'phase' must not be null");
            Objects.requireNonNull(wall, "'wall' must not be null");
        }
    }

    /** @param message the error's message, as the exception thrown to the caller carries it */
    record PhaseFailed(FlashPhase phase, String message) implements ProgressEvent {
        public PhaseFailed {
            Objects.requireNonNull(phase, "'phase' must not be null");
            Objects.requireNonNull(message, "'message' must not be null");
        }
    }

    /** A line of information for the user ("chip: STM32F103C8 (clone: APM32), 64 KB flash"). */
    record Note(String text) implements ProgressEvent {
        public Note {
            Objects.requireNonNull(text, "'text' must not be null");
        }
    }
}
