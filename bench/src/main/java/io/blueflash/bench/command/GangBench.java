package io.blueflash.bench.command;

import io.blueflash.bench.BenchTransport;
import io.blueflash.bench.GangScaling;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code blueflash bench --gang N}: how a gang write's time grows from 1 to N targets on this host
 * (issue 18). Printed, never asserted: the figures depend on the host's cores and load.
 */
final class GangBench {

    /** The image of each target: a full 64 KB write, the bench's main scenario. */
    static final int IMAGE_BYTES = 64 * 1024;

    private GangBench() {
    }

    static int run(String profile, List<BenchTransport> transports, int maxTargets, boolean json, PrintWriter out,
                   PrintWriter err, Function<Object, String> jsonWriter) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!json) {
            out.printf(Locale.ROOT, "Gang write of %d KB to 1..%d fresh %s boards at once, %d host core(s). "
                    + "sim s: the slowest board (real boards program in parallel); wall/cpu s: this host for all (median of %d runs).%n",
                    IMAGE_BYTES / 1024, maxTargets, profile, cores, GangScaling.REPEATS);
            out.printf(Locale.ROOT, "%-18s %7s %8s %8s %8s %11s %10s  %s%n", "transport", "targets", "sim s", "wall s",
                    "cpu s", "wall/target", "x 1 target", "written");
            out.flush();
        }
        List<GangScaling.Row> all = new ArrayList<>();
        boolean failed = false;
        for (BenchTransport transport : transports) {
            long[] single = {0};
            List<GangScaling.Row> rows = GangScaling.run(profile, transport, maxTargets, IMAGE_BYTES, row -> {
                if (row.targets() == 1) {
                    single[0] = row.wallNanos();
                }
                if (json) {
                    err.printf(Locale.ROOT, "bench: gang %s x%d%n", transport.label(), row.targets());
                    err.flush();
                } else {
                    out.printf(Locale.ROOT, "%-18s %7d %8.3f %8.3f %8.3f %11.3f %10.2f  %d/%d %s%n", transport.label(),
                            row.targets(), row.simNanos() / 1e9, row.wallNanos() / 1e9, row.cpuNanos() / 1e9,
                            row.wallNanos() / 1e9 / row.targets(), (double) row.wallNanos() / single[0], row.written(),
                            row.targets(), row.note());
                    out.flush();
                }
            });
            all.addAll(rows);
            failed |= rows.stream().anyMatch(r -> r.written() != r.targets());
        }
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (GangScaling.Row r : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("transport", r.transport().label());
                m.put("profile", r.profile());
                m.put("targets", r.targets());
                m.put("imageBytes", r.imageBytes());
                m.put("simulatedSeconds", r.simNanos() / 1e9);
                m.put("wallSeconds", r.wallNanos() / 1e9);
                m.put("processCpuSeconds", r.cpuNanos() / 1e9);
                m.put("written", r.written());
                m.put("note", r.note());
                rows.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", !failed);
            doc.put("hostCores", cores);
            doc.put("gang", rows);
            out.println(jsonWriter.apply(doc));
        }
        out.flush();
        return failed ? 1 : 0;
    }
}
