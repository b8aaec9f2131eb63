package io.blueflash.cli.conformance;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.FlashToolMain;
import io.blueflash.sim.serve.SimServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs client commands against a {@link SimServer}, recording each one in the report. */
final class Flow {

    private final ConformanceReport report;
    private final SimServer server;
    private final Path dir;
    private final Map<String, String> environment;

    Flow(ConformanceReport report, SimServer server, Path dir) {
        this(report, server, dir, Map.of());
    }

    /** Clients run with {@code environment} added (LD_PRELOAD of the virtual ST-Link, for one). */
    Flow(ConformanceReport report, SimServer server, Path dir, Map<String, String> environment) {
        this.report = report;
        this.server = server;
        this.dir = dir;
        this.environment = Map.copyOf(environment);
    }

    /** Runs the command; records it as passed when {@code passed} holds. Does not assert. */
    ExternalClient.Run run(Duration timeout, Predicate<ExternalClient.Run> passed, String... command)
            throws IOException, InterruptedException {
        long before = server.simulatedNanos();
        ExternalClient.Run run = ExternalClient.run(dir, timeout, environment, List.of(command));
        report.record(run, server.simulatedNanos() - before, passed.test(run));
        return run;
    }

    /** Runs the command and asserts it exits 0 and prints every {@code expected} text. */
    ExternalClient.Run expect(String[] command, String... expected) throws IOException, InterruptedException {
        ExternalClient.Run run = run(ExternalClient.DEFAULT_TIMEOUT,
                r -> r.succeeded() && List.of(expected).stream().allMatch(r.output()::contains), command);
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        if (expected.length > 0) {
            assertThat(run.output()).as(run.describe()).contains(expected);
        }
        return run;
    }

    /**
     * Runs blueflash in this JVM (no fresh process: for probes that need no process environment, such
     * as {@code --probe stlink-server}); records it like an outside client. File arguments must be absolute.
     */
    ExternalClient.Run blueflash(Predicate<ExternalClient.Run> passed, String... arguments) {
        long before = server.simulatedNanos();
        long start = System.nanoTime();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(console, true, StandardCharsets.UTF_8);
        int exit = FlashToolMain.run(arguments, new CliEnvironment(sink, sink, false, dir, Map.of()));
        List<String> command = new ArrayList<>(List.of(FlashToolMain.class.getName()));
        command.addAll(List.of(arguments));
        ExternalClient.Run run = new ExternalClient.Run(command, exit, false, console.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
        report.record(run, server.simulatedNanos() - before, passed.test(run));
        return run;
    }

    /** A line of explanation in the report. */
    void note(String text) {
        report.note(text);
    }

    static String[] cmd(String... parts) {
        return parts;
    }
}
