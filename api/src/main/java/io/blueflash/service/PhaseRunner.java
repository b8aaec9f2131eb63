package io.blueflash.service;

import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.time.Duration;

/** Wraps a phase's work in the events of {@link ProgressEvent}'s documented order. */
final class PhaseRunner {

    /** Work of one phase; reports finished bytes through {@link Tick#advance}. */
    @FunctionalInterface
    interface Work {
        void run(Tick tick);
    }

    /** Counts finished bytes of the running phase. */
    interface Tick {
        void advance(long bytes);
    }

    private final ProgressListener listener;

    PhaseRunner(ProgressListener listener) {
        this.listener = listener;
    }

    void note(String text) {
        listener.onEvent(new ProgressEvent.Note(text));
    }

    void event(ProgressEvent event) {
        listener.onEvent(event);
    }

    /** Runs {@code work} as {@code phase}; a phase with no bytes sends no event and runs nothing. */
    void run(FlashPhase phase, long totalBytes, Work work) {
        if (totalBytes <= 0) {
            return;
        }
        long start = System.nanoTime();
        listener.onEvent(new ProgressEvent.PhaseStarted(phase, totalBytes));
        long[] done = {0};
        try {
            work.run(bytes -> {
                done[0] += bytes;
                listener.onEvent(new ProgressEvent.PhaseProgressed(phase, done[0], totalBytes));
            });
        } catch (RuntimeException e) {
            listener.onEvent(new ProgressEvent.PhaseFailed(phase, String.valueOf(e.getMessage())));
            throw e;
        }
        listener.onEvent(new ProgressEvent.PhaseFinished(phase, totalBytes, Duration.ofNanos(System.nanoTime() - start)));
    }
}
