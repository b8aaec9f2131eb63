package io.blueflash.bench.command;

import io.blueflash.bench.BenchResult;
import io.blueflash.bench.BenchScenario;
import io.blueflash.bench.BenchSuite;
import io.blueflash.bench.BenchTargets;
import io.blueflash.bench.BenchTransport;
import io.blueflash.bench.DatasheetLimit;
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
        + "simulated time vs the datasheet limit, host time, and link transactions.")
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = jsonRequested();
        BenchSuite suite = new BenchSuite(profiles,
                transports == null ? List.of(BenchTransport.values()) : transports,
                scenarios == null ? List.of(BenchScenario.values()) : scenarios, !noWarmup, !noSwdCount);
        if (!json) {
            out.println(header());
            out.flush();
        }
        List<BenchResult> results = suite.run(r -> {
            if (!json) {
                out.println(row(r));
                out.flush();
            } else {
                err.printf("bench: %s %s %s%n", r.profile(), r.transport().label(), r.scenario().label());
                err.flush();
            }
        });
        List<StartupTimes.Figure> startup = StartupTimes.measure(startupRuns);
        List<BenchTargets.Verdict> verdicts = new ArrayList<>(BenchTargets.evaluate(results));
        verdicts.addAll(BenchTargets.evaluateStartup(startup));
        if (json) {
            Map<String, Object> doc = document(results, verdicts);
            doc.put("startup", startupDocument(startup));
            out.println(jsonWriter.apply(doc));
        } else {
            out.println();
            if (startup.isEmpty()) {
                out.println("Start-up: not measured (" + (startupRuns <= 0 ? "--startup-runs 0"
                        : "not running from blueflash.jar") + ")");
            }
            for (StartupTimes.Figure f : startup) {
                out.printf(Locale.ROOT, "Start-up: %-30s median %.3f s, min %.3f s wall over %d fresh JVMs%n",
                        f.command(), f.medianNanos() / 1e9, f.minNanos() / 1e9, f.runs());
            }
            out.println();
            out.println("Targets (issue 6):");
            for (BenchTargets.Verdict v : verdicts) {
                out.printf(Locale.ROOT, "  %-4s %-66s goal %-8s measured %s%n", v.met() ? "MET" : "MISS", v.target(),
                        v.goal(), v.measured());
            }
            out.printf(Locale.ROOT, "%nLimits: write = erase (t_ERASE %d ms/page or t_ME %d ms) + half-words x t_prog %.1f us;"
                            + " read = bytes / link rate. See docs/benchmarks.md.%n",
                    DatasheetLimit.T_ERASE_NANOS / 1_000_000, DatasheetLimit.T_MASS_ERASE_NANOS / 1_000_000,
                    DatasheetLimit.T_PROG_NANOS / 1e3);
        }
        out.flush();
        return results.stream().anyMatch(BenchResult::failed) ? 1 : 0;
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

    static String header() {
        return String.format(Locale.ROOT, "%-24s %-12s %-18s %7s %8s %8s %6s %7s %7s %8s %6s %7s %7s  %s",
                "scenario", "profile", "transport", "image", "sim s", "limit s", "ratio", "wall s", "cpu s", "host/sim", "USB",
                "serialB", "SWD", "plan");
    }

    static String row(BenchResult r) {
        return String.format(Locale.ROOT, "%-24s %-12s %-18s %6dK %8.3f %8.3f %6s %7.3f %7.3f %8s %6d %7d %7s  %s",
                r.scenario().label(), r.profile(), r.transport().label(), r.imageBytes() / 1024,
                r.simulatedNanos() / 1e9, r.limitNanos() / 1e9, ratio(r.ratioToLimit()), r.wallNanos() / 1e9, r.cpuNanos() / 1e9,
                ratio(r.hostOverheadPerSimulatedSecond()), r.usbTransactions(), r.serialBytes(),
                r.swdTransactions() < 0 ? "-" : Long.toString(r.swdTransactions()), r.note());
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static Map<String, Object> document(List<BenchResult> results, List<BenchTargets.Verdict> verdicts) {
        List<Object> rows = new ArrayList<>();
        for (BenchResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario().name());
            m.put("profile", r.profile());
            m.put("transport", r.transport().label());
            m.put("imageBytes", r.imageBytes());
            m.put("simulatedSeconds", r.simulatedNanos() / 1e9);
            m.put("limitSeconds", r.limitNanos() / 1e9);
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
