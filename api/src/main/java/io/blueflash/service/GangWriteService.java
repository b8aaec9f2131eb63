package io.blueflash.service;

import io.blueflash.model.UniqueId;
import io.blueflash.port.in.GangListener;
import io.blueflash.port.in.GangOutcome;
import io.blueflash.port.in.GangReport;
import io.blueflash.port.in.GangTarget;
import io.blueflash.port.in.GangTargetResult;
import io.blueflash.port.in.GangWriteRequest;
import io.blueflash.port.in.GangWriteUseCase;
import io.blueflash.port.in.IdentifiedTarget;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetData;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteImageUseCase;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.in.WriteStoppedException;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gang programming: the single-target {@link WriteImageUseCase}, run once per target, each on its
 * own thread over its own connection. Targets share nothing but the image, so one target's failure
 * (or its probe hanging) touches no other; every target ends in the report, in request order.
 *
 * <p>Stopping ({@link GangWriteRequest#stopRequested()}) is cooperative: each target's progress
 * listener throws {@link WriteStoppedException} at its next event, which unwinds the write as any
 * failure does, so the flash controller is relocked and the connection closed (a simulator saves
 * its state file).
 */
public final class GangWriteService implements GangWriteUseCase {

    private final WriteImageUseCase write;

    public GangWriteService(WriteImageUseCase write) {
        this.write = Objects.requireNonNull(write, "'write' must not be null");
    }

    @Override
    public GangReport write(GangWriteRequest request) {
        long start = System.nanoTime();
        List<GangTarget> targets = request.targets();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(targets.size(), runnable -> {
            Thread thread = new Thread(runnable, "gang-target-" + threads.incrementAndGet());
            thread.setDaemon(true); // a probe that hangs must not keep the process alive after the report
            return thread;
        });
        try {
            List<Future<GangTargetResult>> running = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                int index = i;
                running.add(pool.submit(() -> writeOne(index, targets.get(index), request)));
            }
            List<GangTargetResult> results = new ArrayList<>();
            for (int i = 0; i < running.size(); i++) {
                results.add(await(i, targets.get(i), running.get(i), request.listener()));
            }
            return new GangReport(results, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdown();
        }
    }

    /** The task's result; a throwable that escaped it (an Error) is that target's failure. */
    private static GangTargetResult await(int index, GangTarget target, Future<GangTargetResult> future,
                                          GangListener listener) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the targets unwind through stopRequested, not by interrupts
                } catch (ExecutionException e) {
                    GangTargetResult failed = new GangTargetResult(index, target.probe().toString(), Optional.empty(),
                            Optional.empty(), "", new GangOutcome.Failed(e.getCause()),
                            new OperationTiming(Duration.ZERO, Optional.empty()));
                    listener.finished(failed);
                    return failed;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private GangTargetResult writeOne(int index, GangTarget target, GangWriteRequest request) {
        long start = System.nanoTime();
        Seen seen = new Seen();
        GangOutcome outcome;
        Optional<Duration> simulated = Optional.empty();
        if (request.stopRequested().getAsBoolean()) {
            outcome = new GangOutcome.Stopped();
        } else {
            ProgressListener progress = stoppable(request.listener().progressOf(index, target), request);
            try {
                WriteReport report = write.write(new WriteImageRequest(target.probe(), target.connect(),
                        request.image(), request.options(), progress, Optional.of(seen.around(target.data()))));
                simulated = report.timing().simulated();
                outcome = new GangOutcome.Written(report);
            } catch (WriteStoppedException stopped) {
                outcome = new GangOutcome.Stopped();
            } catch (RuntimeException failure) {
                // a transport's own signal handling (the simulator's) fails the session: still a stop
                outcome = request.stopRequested().getAsBoolean() ? new GangOutcome.Stopped()
                        : new GangOutcome.Failed(failure);
            }
        }
        GangTargetResult result = new GangTargetResult(index, seen.probe.orElse(target.probe().toString()),
                seen.chip, seen.uniqueId, seen.description, outcome,
                new OperationTiming(Duration.ofNanos(System.nanoTime() - start), simulated));
        request.listener().finished(result);
        return result;
    }

    /** Throws at the next event once a stop is requested (never on a failure event: that is the way out). */
    private static ProgressListener stoppable(ProgressListener progress, GangWriteRequest request) {
        return event -> {
            if (!(event instanceof ProgressEvent.PhaseFailed) && request.stopRequested().getAsBoolean()) {
                throw new WriteStoppedException();
            }
            progress.onEvent(event);
        };
    }

    /** What the write learned about its target before it ended, for the report of a failed target too. */
    private static final class Seen {
        Optional<String> probe = Optional.empty();
        Optional<String> chip = Optional.empty();
        Optional<UniqueId> uniqueId = Optional.empty();
        String description = "";

        TargetData around(TargetData data) {
            return target -> {
                record(target);
                TargetBytes bytes = data.bytesFor(target);
                description = bytes.description();
                return bytes;
            };
        }

        private void record(IdentifiedTarget target) {
            probe = Optional.of(target.probe());
            chip = Optional.of(target.chip());
            uniqueId = target.uniqueId();
        }
    }
}
