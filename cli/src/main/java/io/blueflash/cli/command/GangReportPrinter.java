package io.blueflash.cli.command;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.console.ExitCode;
import io.blueflash.cli.console.FailureText;
import io.blueflash.cli.output.Json;
import io.blueflash.image.FirmwareImage;
import io.blueflash.port.in.GangOutcome;
import io.blueflash.port.in.GangReport;
import io.blueflash.port.in.GangTargetResult;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.WriteReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one report of a gang write: a table (probe, chip, unique ID, result, exit cause, time) with
 * each failure's message and hints below it, or one JSON document with a {@code targets} array.
 *
 * <p>Exit code: 0 when every target was written; 130 when Ctrl-C stopped the gang; otherwise the
 * code of the first target (in {@code --probe} order) that failed, as a single write to it would
 * have returned. Each target's own code is in the table and the JSON.
 */
final class GangReportPrinter {

    private final CliEnvironment env;
    private final boolean json;
    private final Function<Throwable, FailureText> explain;

    GangReportPrinter(CliEnvironment env, boolean json, Function<Throwable, FailureText> explain) {
        this.env = env;
        this.json = json;
        this.explain = explain;
    }

    ExitCode print(Path file, FirmwareImage image, GangReport report, List<List<String>> notes, boolean stopped) {
        ExitCode code = exitCode(report, stopped);
        if (json) {
            printJson(file, image, report, notes, code);
        } else {
            printTable(file, image, report, code);
        }
        return code;
    }

    ExitCode exitCode(GangReport report, boolean stopped) {
        if (report.allSucceeded()) {
            return ExitCode.OK;
        }
        if (stopped || report.targets().stream().anyMatch(t -> t.outcome() instanceof GangOutcome.Stopped)) {
            return ExitCode.STOPPED;
        }
        return report.firstFailure().map(this::codeOf).orElse(ExitCode.INTERNAL);
    }

    private ExitCode codeOf(GangTargetResult target) {
        return target.outcome() instanceof GangOutcome.Failed f ? explain.apply(f.cause()).exitCode()
                : target.outcome() instanceof GangOutcome.Stopped ? ExitCode.STOPPED : ExitCode.OK;
    }

    private void printTable(Path file, FirmwareImage image, GangReport report, ExitCode code) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "probe", "chip", "unique ID", "data", "result", "exit", "time"});
        for (GangTargetResult t : report.targets()) {
            rows.add(new String[] {String.valueOf(t.index() + 1), t.probe(), t.chip().map(GangReportPrinter::part).orElse("-"),
                    t.uniqueId().map(u -> u.text()).orElse("-"), t.targetData().isEmpty() ? "-" : t.targetData(),
                    result(t), exit(t), time(t.timing())});
        }
        var out = env.out();
        out.printf(Locale.ROOT, "wrote %s (%d bytes) to %d of %d targets in %s%n", file, image.totalBytes(),
                report.succeeded(), report.targets().size(), human(report.wall()));
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == row.length - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
        for (GangTargetResult t : report.targets()) {
            if (t.outcome() instanceof GangOutcome.Failed f) {
                FailureText text = explain.apply(f.cause());
                env.err().println("error: [" + (t.index() + 1) + "] " + t.probe() + ": " + text.message());
                text.hints().forEach(h -> env.err().println("  hint: " + h));
            }
        }
        if (code != ExitCode.OK) {
            env.err().printf(Locale.ROOT, "gang write: %d of %d targets not written; exit code %d (%s)%n",
                    report.targets().size() - report.succeeded(), report.targets().size(), code.code(),
                    code == ExitCode.STOPPED ? "stopped by Ctrl-C" : "the first failed target's");
        }
    }

    private String result(GangTargetResult t) {
        if (t.outcome() instanceof GangOutcome.Written w) {
            WriteReport r = w.report();
            return String.format(Locale.ROOT, "ok (%d programmed, %d unchanged%s)", r.pagesProgrammed(), r.pagesSkipped(),
                    r.verified() ? ", verified" : "");
        }
        return t.outcome() instanceof GangOutcome.Stopped ? "stopped" : "FAILED";
    }

    private String exit(GangTargetResult t) {
        ExitCode code = codeOf(t);
        return code.code() + " " + code.name();
    }

    private void printJson(Path file, FirmwareImage image, GangReport report, List<List<String>> notes, ExitCode code) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", code == ExitCode.OK);
        doc.put("exitCode", code.code());
        doc.put("exitReason", code.name());
        doc.put("command", "write");
        doc.put("file", file.toString());
        doc.put("imageBytes", image.totalBytes());
        doc.put("targetsWritten", report.succeeded());
        List<Object> targets = new ArrayList<>();
        for (GangTargetResult t : report.targets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            ExitCode own = codeOf(t);
            m.put("probe", t.probe());
            m.put("chip", t.chip().orElse(null));
            m.put("uniqueId", t.uniqueId().map(u -> u.text()).orElse(null));
            m.put("targetData", t.targetData().isEmpty() ? null : t.targetData());
            m.put("result", t.outcome() instanceof GangOutcome.Written ? "written"
                    : t.outcome() instanceof GangOutcome.Stopped ? "stopped" : "failed");
            m.put("exitCode", own.code());
            m.put("exitReason", own.name());
            if (t.outcome() instanceof GangOutcome.Written w) {
                WriteReport r = w.report();
                m.put("pagesErased", r.pagesErased());
                m.put("pagesProgrammed", r.pagesProgrammed());
                m.put("pagesUnchanged", r.pagesSkipped());
                m.put("bytesWritten", r.bytesWritten());
                m.put("verified", r.verified());
                m.put("resetAndRun", r.resetAndRun());
            } else if (t.outcome() instanceof GangOutcome.Failed f) {
                FailureText text = explain.apply(f.cause());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", text.message());
                error.put("hints", text.hints());
                m.put("error", error);
            }
            m.put("timing", timing(t.timing()));
            m.put("notes", t.index() < notes.size() ? notes.get(t.index()) : List.of());
            targets.add(m);
        }
        doc.put("targets", targets);
        doc.put("timing", timing(new OperationTiming(report.wall(), java.util.Optional.empty())));
        env.out().println(Json.write(doc));
    }

    private static Map<String, Object> timing(OperationTiming timing) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("wallMillis", millis(timing.wall()));
        t.put("simulatedMillis", timing.simulated().map(GangReportPrinter::millis).orElse(null));
        return t;
    }

    /** "STM32F1xx medium-density" out of the chip's one-line summary. */
    private static String part(String summary) {
        int comma = summary.indexOf(',');
        return comma < 0 ? summary : summary.substring(0, comma);
    }

    private static String time(OperationTiming timing) {
        return timing.simulated().map(sim -> human(sim) + " sim, " + human(timing.wall()) + " wall")
                .orElse(human(timing.wall()));
    }

    private static double millis(Duration d) {
        return ResultPrinter.millis(d);
    }

    private static String human(Duration d) {
        return ResultPrinter.human(d);
    }
}
