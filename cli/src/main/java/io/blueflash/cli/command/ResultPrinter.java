package io.blueflash.cli.command;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.output.Json;
import io.blueflash.cli.output.ProgressEvents;
import io.blueflash.port.in.OperationTiming;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a command's outcome: human lines (stdout on success, stderr on failure) with the time
 * taken, or one JSON document on stdout. Simulated time (what a real Blue Pill would take) and
 * wall time (what the host spent) are always shown apart (DESIGN §3).
 */
final class ResultPrinter {

    private final CliEnvironment env;
    private final boolean json;
    private final ProgressEvents progress;

    ResultPrinter(CliEnvironment env, boolean json, ProgressEvents progress) {
        this.env = env;
        this.json = json;
        this.progress = progress;
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return map;
    }

    ExitCode ok(String command, Map<String, Object> fields, OperationTiming timing, List<String> lines) {
        return print(command, ExitCode.OK, fields, timing, lines, env.out());
    }

    /** As {@link #ok}, with the human lines on stderr: stdout carries the command's data ({@code read -}). */
    ExitCode okBesideData(String command, Map<String, Object> fields, OperationTiming timing, List<String> lines) {
        return print(command, ExitCode.OK, fields, timing, lines, env.err());
    }

    ExitCode failed(String command, ExitCode code, Map<String, Object> fields, OperationTiming timing,
                    List<String> lines) {
        return print(command, code, fields, timing, lines, env.err());
    }

    private ExitCode print(String command, ExitCode code, Map<String, Object> fields, OperationTiming timing,
                           List<String> lines, java.io.PrintStream humanStream) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", code == ExitCode.OK);
            doc.put("exitCode", code.code());
            doc.put("exitReason", code.name());
            doc.put("command", command);
            doc.putAll(fields);
            if (timing != null) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("wallMillis", millis(timing.wall()));
                t.put("simulatedMillis", timing.simulated().map(ResultPrinter::millis).orElse(null));
                doc.put("timing", t);
            }
            doc.put("notes", progress.notes());
            env.out().println(Json.write(doc));
        } else {
            var stream = humanStream;
            lines.forEach(stream::println);
            if (timing != null) {
                stream.println(timeLine(timing));
            }
        }
        return code;
    }

    static String timeLine(OperationTiming timing) {
        return timing.simulated()
                .map(sim -> String.format(Locale.ROOT, "time: %s simulated (a real board would take this), %s wall",
                        human(sim), human(timing.wall())))
                .orElse("time: " + human(timing.wall()));
    }

    static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }

    static String human(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
