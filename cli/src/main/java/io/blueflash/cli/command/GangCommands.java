package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.output.ConsoleTrace;
import io.blueflash.cli.output.GangProgressBoard;
import io.blueflash.cli.output.GangProgressLines;
import io.blueflash.cli.output.ProgressEvents;
import io.blueflash.cli.output.ProgressView;
import io.blueflash.gang.SerialCounter;
import io.blueflash.gang.UniqueIdTable;
import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.TraceSink;
import io.blueflash.port.in.GangListener;
import io.blueflash.port.in.GangOutcome;
import io.blueflash.port.in.GangReport;
import io.blueflash.port.in.GangTarget;
import io.blueflash.port.in.GangTargetResult;
import io.blueflash.port.in.GangWriteRequest;
import io.blueflash.port.in.ProbeInfo;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetData;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.progress.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code write} to several targets at once: chooses the targets ({@code --probe} several times,
 * or {@code --all-probes}), their connections (each simulated board its own state file), their
 * data ({@code --serial-counter}, {@code --per-target}), shows one progress line per target, and
 * prints one report ({@link GangReportPrinter}). Ctrl-C asks every target to stop at its next page
 * and waits, bounded, until the report is out.
 */
final class GangCommands {

    /** How long Ctrl-C waits for the targets to unwind and the report to be printed. */
    static final long STOP_WAIT_MILLIS = 10_000;

    /**
     * What {@code --all-probes} takes: debug probes a USB listing identifies as such. A USB serial
     * port may be wired to anything, and the simulator is never chosen by itself.
     */
    static final Set<String> ALL_PROBES_TRANSPORTS = Set.of("stlink", "bmp");

    private final CommandContext ctx;

    GangCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    ExitCode write(Path file, OptionalLong address, WriteChoices choices, GangChoices gang) {
        if (choices.flashMap().isPresent()) {
            throw new UsageException("--flash-map draws one chip: write to one probe at a time to draw each");
        }
        FirmwareImage image = ImageFiles.load(file, address, ctx.settings.format(), ctx.settings.trimErased(),
                ctx.progress::note);
        List<ProbeSelector> probes = targets(gang);
        Optional<SerialCounter> counter = gang.serialCounter().map(SerialCounter::parse);
        counter.ifPresent(c -> c.requireOutside(image));
        Optional<UniqueIdTable> table = gang.perTarget().map(GangCommands::table);
        table.ifPresent(t -> t.requireOutside(image));
        requireFaultScopesMatch(probes);

        TraceSink trace = ctx.trace();
        List<GangTarget> targets = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeSelector probe = probes.get(i);
            int index = i;
            TargetData data = combined(counter.map(c -> c.forTarget(index)), table);
            targets.add(new GangTarget(probe, ProbeChoice.connectOptions(probe, ctx.settings, ctx.env, trace), data));
        }
        FlashOptions options = ImageCommands.flashOptions(choices, ctx.settings);

        Progress progress = new Progress(probes);
        StopOnSignal stop = new StopOnSignal();
        stop.install();
        try {
            GangReport report = ctx.useCases.gang().write(new GangWriteRequest(targets, image, options, progress,
                    stop::requested));
            return new GangReportPrinter(ctx.env, ctx.settings.json(), ctx.explain)
                    .print(file, image, report, progress.notes(), stop.requested());
        } finally {
            stop.done();
        }
    }

    /** {@code --all-probes}: every real probe attached; else each {@code --probe}, else the usual choice of one. */
    private List<ProbeSelector> targets(GangChoices gang) {
        List<ProbeSelector> probes = new ArrayList<>();
        if (gang.allProbes()) {
            if (!ctx.settings.probes().isEmpty() || ctx.settings.serial().isPresent()) {
                throw new UsageException("--all-probes takes every probe attached: give it without --probe or --serial");
            }
            List<ProbeInfo> real = ctx.useCases.listProbes().listProbes().probes().stream()
                    .filter(p -> ALL_PROBES_TRANSPORTS.contains(p.transport())).toList();
            if (real.isEmpty()) {
                throw new ProbeNotFoundException("--all-probes found no ST-Link or Black Magic Probe attached (serial "
                        + "ports and the simulator are used only when named: --probe bootloader:PORT, "
                        + "--probe sim#1 --probe sim#2 ...)");
            }
            real.forEach(p -> probes.add(ProbeSelector.parse(p.selector())));
            ctx.progress.note("targets: " + String.join(", ", real.stream().map(ProbeInfo::selector).toList()));
        } else if (ctx.settings.probes().isEmpty()) {
            probes.add(ProbeChoice.select(ctx.settings, ctx.env, ctx.useCases.listProbes(), ctx.progress::note));
        } else {
            ctx.settings.probes().forEach(text -> probes.add(ProbeSelector.parse(text)));
        }
        Set<String> seen = new HashSet<>();
        for (ProbeSelector probe : probes) {
            String key = "sim".equals(probe.transport()) ? ProbeChoice.simStateFile(probe, ctx.settings, ctx.env)
                    .toAbsolutePath().normalize().toString() : probe.toString();
            if (!seen.add(key)) {
                throw new UsageException("--probe " + probe + " names a target given already: each target once"
                        + ("sim".equals(probe.transport()) ? " (number simulated boards: sim#1, sim#2, ...)" : ""));
            }
        }
        return probes;
    }

    /** A {@code --sim-fault sim#N:...} must name one of the targets, or it would silently do nothing. */
    private void requireFaultScopesMatch(List<ProbeSelector> probes) {
        for (String joined : ctx.settings.simFaults()) {
            for (String item : joined.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                boolean matched = probes.stream().filter(p -> "sim".equals(p.transport()))
                        .anyMatch(p -> ProbeChoice.faultsFor(p, List.of(item)).size() == 1);
                if (!matched) {
                    throw new UsageException("--sim-fault " + item.trim() + " names no simulated target of this write");
                }
            }
        }
    }

    private static UniqueIdTable table(Path csv) {
        try {
            return UniqueIdTable.parse(csv.toString(), Files.readAllLines(csv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counter's and the table's bytes together (their overlap is refused by the write). */
    private static TargetData combined(Optional<TargetData> counter, Optional<UniqueIdTable> table) {
        if (counter.isEmpty() && table.isEmpty()) {
            return TargetData.NONE;
        }
        return target -> {
            List<ImageSegment> segments = new ArrayList<>();
            List<String> what = new ArrayList<>();
            for (TargetData source : List.of(counter.orElse(TargetData.NONE), table.<TargetData>map(t -> t)
                    .orElse(TargetData.NONE))) {
                TargetBytes bytes = source.bytesFor(target);
                segments.addAll(bytes.segments());
                if (!bytes.description().isEmpty()) {
                    what.add(bytes.description());
                }
            }
            return new TargetBytes(segments, String.join("; ", what));
        };
    }

    /** One progress line per target: a redrawn board on a terminal, prefixed lines otherwise, nothing under --json. */
    private final class Progress implements GangListener {
        private final List<ProgressEvents> events = new ArrayList<>();
        private final GangProgressBoard board;

        Progress(List<ProbeSelector> probes) {
            boolean shown = ctx.settings.progress() || (ctx.settings.verbosity() > 0 && !ctx.settings.json());
            boolean onTerminal = ctx.settings.progress() && ctx.env.terminal() && !ctx.settings.trace().toStderr();
            board = onTerminal ? new GangProgressBoard(ctx.env.err()) : null;
            GangProgressLines lines = new GangProgressLines(ctx.env.err());
            for (ProbeSelector probe : probes) {
                ProgressView view = !shown ? ProgressView.NONE
                        : board != null ? board.row(probe.toString())
                        : ctx.settings.progress() ? lines.row(probe.toString())
                        : ProgressView.notesOnly(lines.row(probe.toString()));
                events.add(new ProgressEvents(view, !ctx.settings.json()));
            }
        }

        @Override
        public ProgressListener progressOf(int index, GangTarget target) {
            ProgressEvents mine = events.get(index);
            return event -> {
                synchronized (mine) {
                    mine.onEvent(event);
                }
            };
        }

        @Override
        public void finished(GangTargetResult result) {
            if (board != null) {
                board.finish(result.index(), result.outcome() instanceof GangOutcome.Written ? "written"
                        : result.outcome() instanceof GangOutcome.Stopped ? "stopped"
                        : "FAILED: " + ctx.explain.apply(((GangOutcome.Failed) result.outcome()).cause()).message());
            }
        }

        List<List<String>> notes() {
            List<List<String>> all = new ArrayList<>();
            for (ProgressEvents e : events) {
                synchronized (e) {
                    all.add(e.notes());
                }
            }
            return all;
        }
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM: a shutdown hook asks every target to stop at its next page and
     * waits, bounded, for the report; the JVM then exits with 128 + the signal number.
     */
    private static final class StopOnSignal {
        private volatile boolean requested;
        private final CountDownLatch finished = new CountDownLatch(1);
        private Thread hook;

        void install() {
            Thread thread = new Thread(this::onShutdown, "gang-write-shutdown");
            try {
                Runtime.getRuntime().addShutdownHook(thread);
                hook = thread;
            } catch (IllegalStateException shuttingDown) {
                requested = true;
            }
        }

        boolean requested() {
            return requested;
        }

        void done() {
            finished.countDown();
            Thread registered = hook;
            if (registered != null && Thread.currentThread() != registered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(registered);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs now: it returns once it sees the latch
                }
            }
        }

        private void onShutdown() {
            requested = true;
            try {
                finished.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
