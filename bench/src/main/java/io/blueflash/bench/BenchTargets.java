package io.blueflash.bench;

import io.blueflash.sim.chip.TimingPreset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The goals of issue 14 (and issue 6's start-up goal) that a benchmark run can check, each with the
 * measured figure, per timing preset: they are reported, never asserted in unit tests (timings
 * depend on the machine); the arithmetic is.
 */
public final class BenchTargets {

    static final String PROFILE = "stm32f103c8";
    static final long HOST_WALL_GOAL_NANOS = 500_000_000L;
    static final long RSS_GOAL_BYTES = 128L * 1024 * 1024;

    /** One target: what, the goal, the figure, and whether it was met. */
    public record Verdict(String target, String goal, String measured, boolean met) {
    }

    private BenchTargets() {
    }

    /** Verdicts from the scenario rows and the side-by-side rows (either may be empty). */
    public static List<Verdict> evaluate(List<BenchResult> results, List<SideBySide.Row> side) {
        List<Verdict> out = new ArrayList<>();
        for (TimingPreset p : TimingPreset.values()) {
            String tag = " [" + p.label() + "]";
            find(results, p, BenchScenario.WRITE_64K, BenchTransport.STLINK_V2_4000KHZ)
                    .ifPresent(r -> out.add(againstFlash("ST-Link V2 @ 4 MHz", r, tag)));
            // the same goal over the V2's other wire: the same loader and CRC path, only the scans differ
            find(results, p, BenchScenario.WRITE_64K, BenchTransport.STLINK_V2_JTAG_4500KHZ)
                    .ifPresent(r -> out.add(againstFlash("ST-Link V2 over JTAG @ 4.5 MHz", r, tag)));
            compare(side, p, SideBySide.Job.STLINK_WRITE_VERIFY, "blueflash write (defaults)", "openocd", 0.8)
                    .ifPresent(out::add);
            for (BenchTransport t : BenchTransport.values()) {
                if (t == BenchTransport.BOOTLOADER_115200) {
                    continue; // no core control: nothing can check a page on the target
                }
                Optional<BenchResult> full = find(results, p, BenchScenario.WRITE_64K, t);
                Optional<BenchResult> again = find(results, p, BenchScenario.REWRITE_SAME_64K, t);
                if (full.isPresent() && again.isPresent() && full.get().simulatedNanos() > 0) {
                    double share = (double) again.get().simulatedNanos() / full.get().simulatedNanos();
                    out.add(new Verdict("re-write unchanged 64 KB via " + t.label() + " vs full write" + tag, "<= 3 %",
                            String.format("%.1f %% (%.3f s of %.3f s)", 100 * share, again.get().simulatedNanos() / 1e9,
                                    full.get().simulatedNanos() / 1e9), share <= 0.03));
                }
            }
            compare(side, p, SideBySide.Job.BOOTLOADER_WRITE_VERIFY, "blueflash write --assume-blank", "stm32flash", 0.9)
                    .ifPresent(out::add);
            row(side, p, SideBySide.Job.BOOTLOADER_WRITE_VERIFY, "blueflash write --assume-blank").ifPresent(r ->
                    out.add(new Verdict("bootloader @ 115200, write + verify vs the line's limit" + tag, "<= 1.15x",
                            String.format("%.3fx (%.3f s; line %.3f s)", r.ratioToLimit(), r.simulatedNanos() / 1e9,
                                    r.limitNanos() / 1e9), r.ratioToLimit() <= 1.15)));
            if (p == TimingPreset.MEASURED) {
                side.stream().filter(r -> r.preset() == p && r.job() == SideBySide.Job.OPENOCD_CALIBRATION && !r.failed())
                        .forEach(r -> out.add(new Verdict(r.tool() + " vs the real board" + tag,
                                r.publishedLow() == r.publishedHigh() ? r.publishedText() + " KiB/s +-10 %"
                                        : r.publishedText() + " KiB/s",
                                String.format("%.1f KiB/s", r.kibPerSecond()), r.matchesPublished())));
            }
            find(results, p, BenchScenario.WRITE_64K, BenchTransport.STLINK_V2_4000KHZ).ifPresent(r -> out.add(
                    new Verdict("host wall time, write 64 KB via the ST-Link V2 emulator" + tag, "< 0.5 s",
                            String.format("%.3f s (process CPU %.3f s)", r.wallNanos() / 1e9, r.cpuNanos() / 1e9),
                            r.wallNanos() < HOST_WALL_GOAL_NANOS)));
        }
        return out;
    }

    /** A verifying write against t_prog + erase only (its flash+read limit less the read): at most 1.10x. */
    private static Verdict againstFlash(String probe, BenchResult r, String tag) {
        long flash = r.limitNanos() - SpeedLimit.read(r.imageBytes(), r.transport()).nanos();
        double ratio = (double) r.simulatedNanos() / flash;
        return new Verdict(probe + ", write + verify 64 KB vs t_prog + erase" + tag, "<= 1.10x",
                String.format("%.3fx (%.3f s; t_prog + erase %.3f s)", ratio, r.simulatedNanos() / 1e9, flash / 1e9),
                ratio <= 1.10);
    }

    /** The memory goal: peak RSS of a fresh JVM writing 1 MB under 128 MB (the median of fresh JVMs). */
    public static List<Verdict> evaluateRss(OptionalLong peakBytes) {
        return peakBytes.stream().mapToObj(b -> new Verdict("host peak RSS, write 1 MB (" + HostRss.PROFILE
                + ", ST-Link V2 emulator, fresh JVM)", "< 128 MB", String.format("%.1f MB", b / 1048576.0),
                b < RSS_GOAL_BYTES)).toList();
    }

    /** The start-up target: {@code blueflash --version} under 0.4 s wall (median of fresh JVMs). */
    public static List<Verdict> evaluateStartup(List<StartupTimes.Figure> figures) {
        return figures.stream().filter(f -> f.command().equals("blueflash --version"))
                .map(f -> new Verdict("start-up, " + f.command(), "< 0.4 s",
                        String.format("%.3f s median of %d runs (min %.3f s)", f.medianNanos() / 1e9, f.runs(),
                                f.minNanos() / 1e9), f.medianNanos() < 400_000_000L))
                .toList();
    }

    /** blueflash's row over the tool's row of the same job and preset, against {@code goal}. */
    static Optional<Verdict> compare(List<SideBySide.Row> side, TimingPreset p, SideBySide.Job job, String blueflash,
                                     String toolPrefix, double goal) {
        Optional<SideBySide.Row> ours = row(side, p, job, blueflash);
        Optional<SideBySide.Row> theirs = side.stream().filter(r -> r.preset() == p && r.job() == job
                && r.tool().startsWith(toolPrefix) && !r.failed()).findFirst();
        if (ours.isEmpty() || theirs.isEmpty() || theirs.get().simulatedNanos() == 0) {
            return Optional.empty();
        }
        double ratio = (double) ours.get().simulatedNanos() / theirs.get().simulatedNanos();
        return Optional.of(new Verdict(job.label() + ": " + blueflash + " vs " + theirs.get().tool() + " [" + p.label()
                + "]", String.format("<= %.2fx", goal), String.format("%.3fx (%.3f s vs %.3f s)", ratio,
                ours.get().simulatedNanos() / 1e9, theirs.get().simulatedNanos() / 1e9), ratio <= goal));
    }

    private static Optional<SideBySide.Row> row(List<SideBySide.Row> side, TimingPreset p, SideBySide.Job job,
                                                String tool) {
        return side.stream().filter(r -> r.preset() == p && r.job() == job && r.tool().equals(tool) && !r.failed())
                .findFirst();
    }

    private static Optional<BenchResult> find(List<BenchResult> results, TimingPreset p, BenchScenario s,
                                              BenchTransport t) {
        return results.stream().filter(r -> r.profile().equals(PROFILE) && r.preset() == p && r.scenario() == s
                && r.transport() == t && !r.failed()).findFirst();
    }
}
