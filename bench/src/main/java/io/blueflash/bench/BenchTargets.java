package io.blueflash.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets of issue 6 that a benchmark run can check, each with the measured figure: they are
 * reported, never asserted in unit tests (timings depend on the machine).
 */
public final class BenchTargets {

    static final String PROFILE = "stm32f103c8";

    /** One target: what, the goal, the figure, and whether it was met. */
    public record Verdict(String target, String goal, String measured, boolean met) {
    }

    private BenchTargets() {
    }

    public static List<Verdict> evaluate(List<BenchResult> results) {
        List<Verdict> out = new ArrayList<>();
        for (BenchScenario s : List.of(BenchScenario.WRITE_64K_NO_VERIFY, BenchScenario.WRITE_64K)) {
            find(results, s, BenchTransport.STLINK_V2_4000KHZ).ifPresent(r -> out.add(new Verdict(
                    s.label() + " via ST-Link V2 @ 4 MHz vs datasheet limit", "<= 1.15x",
                    String.format("%.3fx (%.3f s simulated, limit %.3f s)", r.ratioToLimit(), r.simulatedNanos() / 1e9,
                            r.limitNanos() / 1e9), r.ratioToLimit() <= 1.15)));
        }
        for (BenchTransport t : BenchTransport.values()) {
            Optional<BenchResult> full = find(results, BenchScenario.WRITE_64K, t);
            Optional<BenchResult> again = find(results, BenchScenario.REWRITE_SAME_64K, t);
            if (full.isPresent() && again.isPresent() && full.get().simulatedNanos() > 0) {
                double share = (double) again.get().simulatedNanos() / full.get().simulatedNanos();
                out.add(new Verdict("re-write unchanged 64 KB via " + t.label() + " vs full write", "< 10 %",
                        String.format("%.1f %% (%.3f s of %.3f s)", 100 * share, again.get().simulatedNanos() / 1e9,
                                full.get().simulatedNanos() / 1e9), share < 0.10));
            }
        }
        for (BenchTransport t : List.of(BenchTransport.STLINK_V2_4000KHZ, BenchTransport.STLINK_V2_1800KHZ,
                BenchTransport.STLINK_V3)) {
            find(results, BenchScenario.WRITE_64K, t).ifPresent(r -> out.add(new Verdict(
                    "host wall time, write 64 KB via " + t.label(), "< 0.5 s",
                    String.format("%.3f s (process CPU %.3f s)", r.wallNanos() / 1e9, r.cpuNanos() / 1e9),
                    r.wallNanos() < 500_000_000L)));
        }
        return out;
    }

    /** The start-up target: {@code blueflash --version} under 0.4 s wall (median of fresh JVMs). */
    public static List<Verdict> evaluateStartup(List<StartupTimes.Figure> figures) {
        return figures.stream().filter(f -> f.command().equals("blueflash --version"))
                .map(f -> new Verdict("start-up, " + f.command(), "< 0.4 s",
                        String.format("%.3f s median of %d runs (min %.3f s)", f.medianNanos() / 1e9, f.runs(),
                                f.minNanos() / 1e9), f.medianNanos() < 400_000_000L))
                .toList();
    }

    private static Optional<BenchResult> find(List<BenchResult> results, BenchScenario s, BenchTransport t) {
        return results.stream().filter(r -> r.profile().equals(PROFILE) && r.scenario() == s && r.transport() == t
                && !r.failed()).findFirst();
    }
}
