package io.blueflash.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.UniqueId;
import io.blueflash.port.in.GangListener;
import io.blueflash.port.in.GangOutcome;
import io.blueflash.port.in.GangReport;
import io.blueflash.port.in.GangTarget;
import io.blueflash.port.in.GangTargetResult;
import io.blueflash.port.in.GangWriteRequest;
import io.blueflash.port.in.IdentifiedTarget;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteImageUseCase;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.progress.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The gang service over a scripted single-target write: concurrency, isolation, order, stop. */
class GangWriteServiceTest {

    private static final FirmwareImage IMAGE = FirmwareImage.binary(0x0800_0000L, new byte[] {1, 2, 3, 4});

    /**
     * Per probe argument: {@code ok} writes, {@code fail} throws after identification, {@code wait}
     * reports progress until stopped; every target first meets the others at the barrier.
     */
    private static final class ScriptedWrite implements WriteImageUseCase {
        final CyclicBarrier allStarted;

        ScriptedWrite(int targets) {
            allStarted = new CyclicBarrier(targets);
        }

        @Override
        public WriteReport write(WriteImageRequest request) {
            try {
                allStarted.await(10, TimeUnit.SECONDS); // only passes when every target runs at once
            } catch (Exception e) {
                throw new AssertionError("targets did not run at the same time", e);
            }
            String script = request.probe().argumentWithoutNumber();
            int n = request.probe().number().orElse(0);
            UniqueId id = UniqueId.ofWords(n, 0, 0);
            TargetBytes own = request.targetData().orElseThrow()
                    .bytesFor(new IdentifiedTarget(request.probe().toString(), "chip " + n, Optional.of(id)));
            ProgressListener progress = request.progress();
            switch (script) {
                case "fail" -> throw new TargetCommunicationException("board " + n + " does not answer");
                case "wait" -> {
                    for (int i = 0; i < 10_000; i++) {
                        progress.onEvent(new ProgressEvent.PhaseProgressed(FlashPhase.PROGRAM, i, 10_000));
                        sleep();
                    }
                    throw new AssertionError("never stopped");
                }
                default -> {
                    progress.onEvent(new ProgressEvent.Note("written"));
                    return new WriteReport(request.probe().toString(), "chip " + n, 0, 1, 0, 1024, false, true, false,
                            new OperationTiming(Duration.ofMillis(1), Optional.of(Duration.ofMillis(20))),
                            Optional.of(id), own.description());
                }
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static GangTarget target(String text) {
        return new GangTarget(ProbeSelector.parse(text), ConnectOptions.defaults(),
                t -> new TargetBytes(List.of(new ImageSegment(0x0800_FC00L, new byte[] {9})), "data of " + t.probe()));
    }

    @Test
    void givenThreeTargetsOneFailing_whenWritten_thenAllRanAtOnceTheOthersSucceededAndOrderIsKept() {
        List<GangTarget> targets = List.of(target("sim:ok#1"), target("sim:fail#2"), target("sim:ok#3"));
        ConcurrentLinkedQueue<Integer> finished = new ConcurrentLinkedQueue<>();
        GangListener listener = new GangListener() {
            @Override
            public ProgressListener progressOf(int index, GangTarget target) {
                return ProgressListener.NONE;
            }

            @Override
            public void finished(GangTargetResult result) {
                finished.add(result.index());
            }
        };

        GangReport report = new GangWriteService(new ScriptedWrite(3))
                .write(new GangWriteRequest(targets, IMAGE, FlashOptions.defaults(), listener, () -> false));

        assertThat(report.targets()).extracting(GangTargetResult::index).containsExactly(0, 1, 2);
        assertThat(report.targets()).extracting(GangTargetResult::succeeded).containsExactly(true, false, true);
        assertThat(report.allSucceeded()).isFalse();
        assertThat(report.firstFailure()).get().extracting(GangTargetResult::index).isEqualTo(1);
        GangTargetResult failed = report.targets().get(1);
        assertThat(((GangOutcome.Failed) failed.outcome()).cause()).hasMessage("board 2 does not answer");
        assertThat(failed.chip()).as("identified before it failed").contains("chip 2");
        assertThat(failed.uniqueId()).contains(UniqueId.ofWords(2, 0, 0));
        assertThat(failed.targetData()).isEqualTo("data of sim:fail#2");
        assertThat(report.targets().get(2).timing().simulated()).contains(Duration.ofMillis(20));
        assertThat(finished).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void givenTargetsStillWriting_whenStopRequested_thenEachStopsAndReportsStopped() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<GangTarget> targets = List.of(target("sim:wait#1"), target("sim:wait#2"));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            stop.set(true);
        });
        stopper.start();

        GangReport report = new GangWriteService(new ScriptedWrite(2))
                .write(new GangWriteRequest(targets, IMAGE, FlashOptions.defaults(), GangListener.NONE, stop::get));
        stopper.join();

        assertThat(report.targets()).extracting(GangTargetResult::outcome)
                .allSatisfy(o -> assertThat(o).isInstanceOf(GangOutcome.Stopped.class));
    }

    @Test
    void givenStopAlreadyRequested_whenWritten_thenNoTargetStarts() {
        GangReport report = new GangWriteService(request -> {
            throw new AssertionError("must not start");
        }).write(new GangWriteRequest(List.of(target("sim:ok#1")), IMAGE, FlashOptions.defaults(), GangListener.NONE,
                () -> true));

        assertThat(report.targets().get(0).outcome()).isInstanceOf(GangOutcome.Stopped.class);
    }
}
