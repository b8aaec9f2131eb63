package io.blueflash.bench;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.GangListener;
import io.blueflash.port.in.GangOutcome;
import io.blueflash.port.in.GangReport;
import io.blueflash.port.in.GangTarget;
import io.blueflash.port.in.GangTargetResult;
import io.blueflash.port.in.GangWriteRequest;
import io.blueflash.port.in.TargetData;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.service.GangWriteService;
import io.blueflash.service.WriteImageService;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a gang write's time grows with its number of targets (issue 18): the same image written to
 * 1, 2, ... N fresh simulated boards at once, each behind its own probe stack, through the gang
 * service, with the datasheet timing preset. Simulated time is the slowest board's (real boards program in parallel, so that is
 * what a real gang would take); wall and CPU time are what this host spent simulating them all.
 */
public final class GangScaling {

    /** Transport name of the bench's dispatching connector: {@code gang:K} is the K-th board's rig. */
    private static final String TRANSPORT = "gang";
    /** Runs per target count; the row is the one of median wall time (a shared host's load comes and goes). */
    public static final int REPEATS = 5;

    /**
     * @param targets      boards written at once
     * @param simNanos     simulated time of the slowest board
     * @param wallNanos    host time of the whole gang
     * @param cpuNanos     host CPU time of the whole process meanwhile (all threads)
     * @param written      boards that ended written and verified
     * @param note         the first failure, if any
     */
    public record Row(BenchTransport transport, String profile, int targets, int imageBytes, long simNanos,
                      long wallNanos, long cpuNanos, int written, String note) {
    }

    private GangScaling() {
    }

    /**
     * Writes {@code imageBytes} to 1..{@code maxTargets} boards, after two untimed gangs of
     * {@code maxTargets} boards, so the JIT has compiled the whole path before the first figure
     * (else the small gangs, measured first, pay for it and larger gangs look cheaper than they are).
     */
    public static List<Row> run(String profile, BenchTransport transport, int maxTargets, int imageBytes,
                                Consumer<Row> onRow) {
        runOnce(profile, transport, maxTargets, imageBytes);
        runOnce(profile, transport, maxTargets, imageBytes);
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= maxTargets; n++) {
            List<Row> repeats = new ArrayList<>();
            for (int r = 0; r < REPEATS; r++) {
                repeats.add(runOnce(profile, transport, n, imageBytes));
            }
            repeats.sort(java.util.Comparator.comparingLong(Row::wallNanos));
            Row row = repeats.get(REPEATS / 2);
            rows.add(row);
            onRow.accept(row);
        }
        return rows;
    }

    static Row runOnce(String profile, BenchTransport transport, int targets, int imageBytes) {
        List<BenchRig> rigs = new ArrayList<>();
        try {
            for (int i = 0; i < targets; i++) {
                rigs.add(BenchRig.create(transport, Stm32F103.create(profile), TimingPreset.DATASHEET, false));
            }
            List<GangTarget> gang = new ArrayList<>();
            for (int i = 1; i <= targets; i++) {
                gang.add(new GangTarget(new ProbeSelector(TRANSPORT, String.valueOf(i)), ConnectOptions.defaults(),
                        TargetData.NONE));
            }
            FirmwareImage image = BenchImages.image(imageBytes, 7);
            FlashOptions options = imageBytes > 64 * 1024
                    ? FlashOptions.defaults().withFlashSizeBytes(Math.max(imageBytes, 128 * 1024)) : FlashOptions.defaults();
            List<BenchRig.Snapshot> before = rigs.stream().map(BenchRig::snapshot).toList();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            GangReport report = new GangWriteService(new WriteImageService(List.of(new Dispatch(rigs))))
                    .write(new GangWriteRequest(gang, image, options, GangListener.NONE, () -> false));
            long wall = System.nanoTime() - start;
            long cpuSpent = processCpuNanos() - cpu;
            long sim = 0;
            for (int i = 0; i < targets; i++) {
                sim = Math.max(sim, rigs.get(i).snapshot().minus(before.get(i)).simNanos());
            }
            String note = report.firstFailure().map(GangScaling::failure).orElse("");
            return new Row(transport, profile, targets, imageBytes, sim, wall, cpuSpent, (int) report.succeeded(), note);
        } finally {
            rigs.forEach(BenchRig::close);
        }
    }

    private static String failure(GangTargetResult result) {
        return result.outcome() instanceof GangOutcome.Failed f ? "target " + (result.index() + 1) + ": "
                + f.cause().getMessage() : "target " + (result.index() + 1) + " stopped";
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Hands {@code gang:K} to the K-th rig's own connector, selector and options. */
    private static final class Dispatch implements ProbeConnector {
        private final List<BenchRig> rigs;

        Dispatch(List<BenchRig> rigs) {
            this.rigs = List.copyOf(rigs);
        }

        @Override
        public String transportName() {
            return TRANSPORT;
        }

        @Override
        public List<ProbeDescriptor> listProbes() {
            return List.of();
        }

        @Override
        public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
            BenchRig rig = rigs.get(Integer.parseInt(selector.argument()) - 1);
            return rig.connector().connect(rig.selector(), rig.options());
        }
    }
}
