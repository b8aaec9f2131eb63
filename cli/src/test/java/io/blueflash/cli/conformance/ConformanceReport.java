package io.blueflash.cli.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's report: per client, each command run with pass/fail and the simulated time the chip
 * spent (DESIGN §3: simulated, not wall time; while the chip waits for a live client its clock runs
 * at wall speed, see {@code ChipLockReleasingInputStream}). Printed to standard output and written to
 * {@code target/conformance/<client>.txt}, one file per client, replaced on every run (surefire keeps
 * test output in files; {@code .ci/run} prints these).
 */
final class ConformanceReport {

    static final Path DIRECTORY = Path.of("target", "conformance");

    private final String client;
    private final List<String> lines = new ArrayList<>();
    private boolean allPassed = true;
    private long simulatedNanos;
    private int commands;

    ConformanceReport(String client) {
        this.client = client;
    }

    /** Records one client command and the simulated time it cost; returns whether it passed. */
    boolean record(ExternalClient.Run run, long commandSimulatedNanos, boolean passed) {
        allPassed &= passed;
        simulatedNanos += commandSimulatedNanos;
        commands++;
        lines.add(String.format("  %-4s %s  [sim %.3f ms, wall %d ms%s]", passed ? "PASS" : "FAIL",
                run.commandLine(), commandSimulatedNanos / 1e6, run.wallMillis(),
                run.timedOut() ? ", timed out" : ", exit " + run.exitCode()));
        return passed;
    }

    void note(String text) {
        lines.add("  " + text);
    }

    void fail(String text) {
        allPassed = false;
        lines.add("  FAIL " + text);
    }

    /** Records the flow's failure by the first line of its message (the whole assertion text goes to JUnit). */
    void fail(Throwable failure) {
        String message = failure.getMessage();
        fail(message == null ? failure.toString() : message.lines().findFirst().orElse(""));
    }

    /** Prints and appends the report; call once at the end of the flow, pass or fail. */
    void publish() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("conformance %s: %s (%d command(s), %.3f ms simulated)%n",
                client, allPassed && commands > 0 ? "PASS" : "FAIL", commands, simulatedNanos / 1e6));
        lines.forEach(l -> text.append(l).append('\n'));
        System.out.print(text);
        Path file = DIRECTORY.resolve(client.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".txt");
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
