package io.blueflash.bench.command;

import io.blueflash.bench.BenchResult;
import io.blueflash.bench.BenchScenario;
import io.blueflash.bench.BenchSuite;
import io.blueflash.bench.BenchTargets;
import io.blueflash.bench.BenchTransport;
import io.blueflash.bench.BenchReport;
import io.blueflash.bench.HostRss;
import io.blueflash.bench.SideBySide;
import io.blueflash.sim.chip.TimingPreset;
import io.blueflash.bench.StartupTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code blueflash bench}: the fixed scenarios of issue 6 on fresh simulated chips through every
 * probe stack, one table (or one JSON document with {@code --json}). Simulated seconds are what
 * real hardware would take; wall seconds are what this host spent. See docs/benchmarks.md.
 */
@Command(name = "bench", description = "Measure write/read/erase on fresh simulated chips through every probe stack: "
        + "simulated time vs each operation's limit, host time, and link transactions; with --tools, OpenOCD and "
        + "stm32flash side by side on the same simulated chip.")
public final class BenchCommand implements Callable<Integer> {

    private final Function<Object, String> jsonWriter;

    /**
     * @param json writes the {@code --json} document (maps, lists, strings, numbers, booleans): the
     *             CLI passes its own writer, so the bench and the CLI print JSON alike
     */
    public BenchCommand(Function<Object, String> json) {
        this.jsonWriter = Objects.requireNonNull(json, "'json' must not be null");
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "simulated chip profile(s) (default: ${DEFAULT-VALUE})",
            split = ",", defaultValue = "stm32f103c8,stm32f103rc")
    List<String> profiles;

    @Option(names = "--transport", paramLabel = "T", split = ",", converter = TransportConverter.class,
            completionCandidates = TransportNames.class,
            description = "transport(s), by name or label, any case: ${COMPLETION-CANDIDATES} (default: all)")
    List<BenchTransport> transports;

    @Option(names = "--scenario", paramLabel = "S", split = ",", converter = ScenarioConverter.class,
            completionCandidates = ScenarioNames.class,
            description = "scenario(s), any case: ${COMPLETION-CANDIDATES} (default: all)")
    List<BenchScenario> scenarios;

    /** "stlink_v3", "STLINK_V3" or its label "stlink-v3@24MHz". */
    static final class TransportConverter implements CommandLine.ITypeConverter<BenchTransport> {
        @Override
        public BenchTransport convert(String value) {
            for (BenchTransport t : BenchTransport.values()) {
                if (t.name().equalsIgnoreCase(value.trim()) || t.label().equalsIgnoreCase(value.trim())) {
                    return t;
                }
            }
            throw new CommandLine.TypeConversionException("unknown transport '" + value + "': use one of "
                    + String.join(", ", new TransportNames()));
        }
    }

    static final class ScenarioConverter implements CommandLine.ITypeConverter<BenchScenario> {
        @Override
        public BenchScenario convert(String value) {
            for (BenchScenario s : BenchScenario.values()) {
                if (s.name().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("unknown scenario '" + value + "': use one of "
                    + String.join(", ", new ScenarioNames()));
        }
    }

    static final class TransportNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        TransportNames() {
            for (BenchTransport t : BenchTransport.values()) {
                add(t.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    static final class ScenarioNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ScenarioNames() {
            for (BenchScenario s : BenchScenario.values()) {
                add(s.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Option(names = "--no-warmup", description = "measure cold: no untimed write before each transport's runs")
    boolean noWarmup;

    @Option(names = "--no-swd-count", description = "skip the second, traced run of each scenario that counts SWD transactions")
    boolean noSwdCount;

    @Option(names = "--startup-runs", paramLabel = "N", defaultValue = "5",
            description = "fresh-JVM runs of `--version` and `--probe sim info` to time start-up; 0 skips (default: ${DEFAULT-VALUE})")
    int startupRuns;

    @Option(names = "--timing", paramLabel = "PRESET", split = ",", defaultValue = "datasheet,measured",
            description = "time model(s) of the simulator: datasheet (DS5319 typical) and/or measured (calibrated on "
                    + "published Blue Pill figures) (default: ${DEFAULT-VALUE})")
    List<String> timing;

    @Option(names = "--tools", description = "also run the side-by-side rows: unmodified OpenOCD (its loader, through the "
            + "simulated ST-Link V2) and stm32flash (through the simulated bootloader on a socat pty), installed "
            + "tools needed; about a minute per preset")
    boolean tools;

    @Option(names = "--tools-kb", paramLabel = "KB", defaultValue = "64",
            description = "image size of the side-by-side rows, KB (default ${DEFAULT-VALUE}; smaller for a quick check)")
    int toolsKb;

    @Option(names = "--no-rss", description = "skip the peak-memory figure (a 1 MB write in a fresh JVM)")
    boolean noRss;

    @Option(names = "--doc", paramLabel = "FILE",
            description = "write the figures into FILE's generated part (docs/benchmarks.md), replacing the last run's")
    java.nio.file.Path doc;

    @Option(names = "--gang", paramLabel = "N", description = "instead of the scenarios: write 64 KB to 1, 2, ... N "
            + "fresh boards at once (gang programming) and print how simulated and wall time grow (transports default "
            + "to sim and stlink-v2@4MHz; the first --profile)")
    int gang;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = jsonRequested();
        if (gang > 0) {
            return GangBench.run(profiles.get(0), transports == null
                    ? List.of(BenchTransport.SIM_DIRECT, BenchTransport.STLINK_V2_4000KHZ) : transports, gang, json,
                    out, err, jsonWriter);
        }
        List<TimingPreset> presets = timing.stream().map(TimingPreset::named).distinct().toList();
        BenchSuite suite = new BenchSuite(presets, profiles,
                transports == null ? List.of(BenchTransport.values()) : transports,
                scenarios == null ? List.of(BenchScenario.values()) : scenarios, !noWarmup, !noSwdCount);
        if (!json) {
            out.println(BenchReport.header());
            out.flush();
        }
        List<BenchResult> results = suite.run(r -> {
            if (!json) {
                out.println(BenchReport.row(r));
                out.flush();
            } else {
                err.printf("bench: %s %s %s %s%n", r.preset().label(), r.profile(), r.transport().label(),
                        r.scenario().label());
                err.flush();
            }
        });
        List<SideBySide.Row> side = List.of();
        if (tools) {
            if (!json) {
                out.println();
                out.println(BenchReport.sideHeader());
                out.flush();
            }
            side = SideBySide.run(presets, toolsKb * 1024, r -> {
                if (!json) {
                    out.println(BenchReport.sideRow(r));
                    out.flush();
                }
            });
        }
        List<StartupTimes.Figure> startup = StartupTimes.measure(startupRuns);
        java.util.Optional<HostRss.Figure> rss = noRss ? java.util.Optional.empty() : HostRss.measure();
        List<BenchTargets.Verdict> verdicts = new ArrayList<>(BenchTargets.evaluate(results, side));
        verdicts.addAll(BenchTargets.evaluateRss(rss.isPresent() ? java.util.OptionalLong.of(rss.get().median())
                : java.util.OptionalLong.empty()));
        verdicts.addAll(BenchTargets.evaluateStartup(startup));
        List<String> host = new ArrayList<>();
        for (StartupTimes.Figure f : startup) {
            host.add(String.format(Locale.ROOT, "start-up: %s median %.3f s, min %.3f s wall over %d fresh JVMs",
                    f.command(), f.medianNanos() / 1e9, f.minNanos() / 1e9, f.runs()));
        }
        if (startup.isEmpty()) {
            host.add("start-up: not measured (" + (startupRuns <= 0 ? "--startup-runs 0" : "not running from blueflash.jar")
                    + ")");
        }
        host.add(rss.isPresent() ? String.format(Locale.ROOT, "peak RSS writing 1 MB (fresh JVM, ST-Link V2 emulator, "
                + "%s): median %.1f MB of %d fresh JVMs (%.1f-%.1f MB)", "stm32f103zg", rss.get().median() / 1048576.0,
                rss.get().runs().size(), rss.get().min() / 1048576.0, rss.get().max() / 1048576.0)
                : "peak RSS: not measured (" + (noRss ? "--no-rss" : "not running from blueflash.jar on Linux") + ")");
        if (json) {
            Map<String, Object> docJson = document(results, verdicts);
            docJson.put("sideBySide", sideDocument(side));
            docJson.put("startup", startupDocument(startup));
            docJson.put("peakRssBytes", rss.isPresent() ? rss.get().median() : null);
            docJson.put("peakRssRunsBytes", rss.isPresent() ? rss.get().runs() : null);
            out.println(jsonWriter.apply(docJson));
        } else {
            out.println();
            host.forEach(h -> out.println("Host: " + h));
            out.println();
            out.println("Targets (issue 14; start-up: issue 6):");
            verdicts.forEach(v -> out.println(BenchReport.verdict(v)));
            out.println();
            out.println("Limit is: flash = erase + half-words x t_prog (the preset's); flash+read = that plus reading the "
                    + "programmed bytes back at the link's rate; link = bytes / link rate (46 SWD bits or 41 JTAG TCK per word, or the USB ceiling); line = bytes of the smallest "
                    + "AN3155 exchange x 11 bits / baud; t_ME = mass erase. See docs/benchmarks.md.");
        }
        out.flush();
        if (doc != null) {
            List<String> args = spec.commandLine().getParseResult().originalArgs();   // from the top command on
            String command = ("blueflash " + (args.isEmpty() || !args.get(0).equals("bench") ? "bench " : "")
                    + String.join(" ", args)).trim();
            String text = java.nio.file.Files.readString(doc);
            java.nio.file.Files.writeString(doc, BenchReport.replaceGenerated(text,
                    BenchReport.markdown(command, machine(), results, side, host, verdicts)));
            err.println("bench: figures written to " + doc);
            err.flush();
        }
        boolean failed = results.stream().anyMatch(BenchResult::failed) || side.stream().anyMatch(SideBySide.Row::failed);
        return failed ? 1 : 0;
    }

    /** Where the figures were taken: date, JVM, cores, load. */
    private static String machine() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%s UTC, Java %s, %d cores, load average %.1f at the end",
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0), System.getProperty("java.version"),
                os.getAvailableProcessors(), os.getSystemLoadAverage());
    }

    private static List<Object> sideDocument(List<SideBySide.Row> side) {
        List<Object> rows = new ArrayList<>();
        for (SideBySide.Row r : side) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("preset", r.preset().label());
            m.put("job", r.job().name());
            m.put("tool", r.tool());
            m.put("bytes", r.bytes());
            m.put("simulatedSeconds", r.simulatedNanos() / 1e9);
            m.put("limitSeconds", r.limitNanos() / 1e9);
            m.put("limitIs", r.limitCounts());
            m.put("kibPerSecond", Double.isNaN(r.kibPerSecond()) ? null : r.kibPerSecond());
            m.put("realBoard", r.publishedText());
            m.put("note", r.note());
            m.put("failed", r.failed());
            rows.add(m);
        }
        return rows;
    }

    private static List<Object> startupDocument(List<StartupTimes.Figure> startup) {
        List<Object> rows = new ArrayList<>();
        for (StartupTimes.Figure f : startup) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", f.command());
            m.put("medianWallSeconds", f.medianNanos() / 1e9);
            m.put("minWallSeconds", f.minNanos() / 1e9);
            m.put("runs", f.runs());
            rows.add(m);
        }
        return rows;
    }

    /** The global {@code --json} option, inherited from the root command. */
    private boolean jsonRequested() {
        OptionSpec option = spec.findOption("--json");
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    static Map<String, Object> document(List<BenchResult> results, List<BenchTargets.Verdict> verdicts) {
        List<Object> rows = new ArrayList<>();
        for (BenchResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario().name());
            m.put("profile", r.profile());
            m.put("transport", r.transport().label());
            m.put("preset", r.preset().label());
            m.put("imageBytes", r.imageBytes());
            m.put("simulatedSeconds", r.simulatedNanos() / 1e9);
            m.put("limitSeconds", r.limitNanos() / 1e9);
            m.put("limitIs", r.limitCounts());
            m.put("ratioToLimit", Double.isNaN(r.ratioToLimit()) ? null : r.ratioToLimit());
            m.put("wallSeconds", r.wallNanos() / 1e9);
            m.put("processCpuSeconds", r.cpuNanos() / 1e9);
            m.put("hostSecondsPerSimulatedSecond", Double.isNaN(r.hostOverheadPerSimulatedSecond()) ? null
                    : r.hostOverheadPerSimulatedSecond());
            m.put("usbTransactions", r.usbTransactions());
            m.put("serialBytes", r.serialBytes());
            m.put("swdTransactions", r.swdTransactions() < 0 ? null : r.swdTransactions());
            m.put("plan", r.note());
            m.put("failed", r.failed());
            rows.add(m);
        }
        List<Object> targets = new ArrayList<>();
        for (BenchTargets.Verdict v : verdicts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", v.target());
            m.put("goal", v.goal());
            m.put("measured", v.measured());
            m.put("met", v.met());
            targets.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", results.stream().noneMatch(BenchResult::failed));
        doc.put("results", rows);
        doc.put("targets", targets);
        return doc;
    }
}
