package io.blueflash.cli.endtoend;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.FlashToolMain;
import io.blueflash.port.out.ProbeConnector;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of the CLI's main entry, with captured streams, like a separate process. */
final class CliRun {

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code line} (split on spaces) with the transports found through ServiceLoader. */
    static CliRun run(Path home, Map<String, String> environment, String line) {
        return run(home, environment, null, line);
    }

    /** Runs {@code line} with {@code connectors} instead of the ServiceLoader's (null: ServiceLoader). */
    static CliRun run(Path home, Map<String, String> environment, List<ProbeConnector> connectors, String line) {
        return run(home, environment, connectors, false, line);
    }

    /** As {@link #run(Path, Map, List, String)}, as if a person watched a terminal when {@code terminal}. */
    static CliRun run(Path home, Map<String, String> environment, List<ProbeConnector> connectors, boolean terminal,
                      String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, home, environment);
        String[] args = line.trim().split(" +");
        int code = connectors == null ? FlashToolMain.run(args, env) : FlashToolMain.run(args, env, connectors);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A number field of the {@code --json} document on stdout. */
    long jsonNumber(String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(-?\\d+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no number field '" + field + "' in: " + out + "\nstderr: " + err);
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
