package io.blueflash.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Start-up cost of short commands (issue 6: {@code blueflash --version} under 0.4 s): runs this very
 * jar in fresh JVMs, as a user's shell would, and keeps the median and the minimum wall time of
 * each command. Only possible when blueflash runs from its jar; from a class directory (an IDE, the
 * tests) there is nothing to launch and {@link #measure} returns empty.
 */
public final class StartupTimes {

    /** One command's wall times over several runs, in nanoseconds. */
    public record Figure(String command, long medianNanos, long minNanos, int runs) {
    }

    private StartupTimes() {
    }

    /** The jar this class was loaded from, if it was loaded from a jar. */
    public static Optional<Path> ownJar() {
        try {
            Path location = Path.of(StartupTimes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * Times {@code blueflash --version} and {@code blueflash --probe sim info} (on a throw-away state
     * file), {@code runs} times each, after one untimed run that warms the OS file cache.
     */
    public static List<Figure> measure(int runs) {
        Optional<Path> jar = ownJar();
        if (jar.isEmpty() || runs <= 0) {
            return List.of();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Figure> figures = new ArrayList<>();
        try {
            Path state = Files.createTempFile("blueflash-bench-startup", ".state");
            Files.delete(state);
            try {
                figures.add(time("blueflash --version", runs, java.toString(), "-jar", jar.get().toString(), "--version"));
                figures.add(time("blueflash --probe sim info", runs, java.toString(), "-jar", jar.get().toString(),
                        "--probe", "sim", "--sim-state", state.toString(), "--no-progress", "info"));
            } finally {
                Files.deleteIfExists(state);
            }
        } catch (IOException e) {
            throw new IllegalStateException("start-up measurement failed: " + e.getMessage(), e);
        }
        return figures;
    }

    private static Figure time(String label, int runs, String... command) throws IOException {
        run(command);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(command);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Figure(label, nanos[runs / 2], nanos[0], runs);
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("os.name").startsWith("Windows")
                        ? "NUL" : "/dev/null")))
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("'" + String.join(" ", command) + "' exited with " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while timing '" + String.join(" ", command) + "'", e);
        }
    }
}
