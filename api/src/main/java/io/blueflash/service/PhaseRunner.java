package io.blueflash.service;

import io.blueflash.port.in.PhaseTime;
import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Wraps a phase's work in the events of {@link ProgressEvent}'s documented order, and keeps how long
 * each finished phase took, in host time and on the simulator's clock when there is one.
 */
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
    private final Supplier<OptionalLong> simulatedNanos;
    private final List<PhaseTime> times = new ArrayList<>();

    PhaseRunner(ProgressListener listener) {
        this(listener, OptionalLong::empty);
    }

    /** @param simulatedNanos the target's simulated clock (empty on real hardware) */
    PhaseRunner(ProgressListener listener, Supplier<OptionalLong> simulatedNanos) {
        this.listener = listener;
        this.simulatedNanos = simulatedNanos;
    }

    void note(String text) {
        listener.onEvent(new ProgressEvent.Note(text));
    }

    void event(ProgressEvent event) {
        listener.onEvent(event);
    }

    /** The phases finished so far, in order. */
    List<PhaseTime> times() {
        return List.copyOf(times);
    }

    /** Runs {@code work} as {@code phase}; a phase with no bytes sends no event and runs nothing. */
    void run(FlashPhase phase, long totalBytes, Work work) {
        if (totalBytes <= 0) {
            return;
        }
        long start = System.nanoTime();
        OptionalLong simStart = simulatedNanos.get();
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
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        OptionalLong simEnd = simulatedNanos.get();
        Optional<Duration> simulated = simStart.isPresent() && simEnd.isPresent()
                ? Optional.of(Duration.ofNanos(simEnd.getAsLong() - simStart.getAsLong())) : Optional.empty();
        times.add(new PhaseTime(phase, totalBytes, wall, simulated));
        listener.onEvent(new ProgressEvent.PhaseFinished(phase, totalBytes, wall));
    }
}
