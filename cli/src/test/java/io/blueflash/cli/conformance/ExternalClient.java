package io.blueflash.cli.conformance;

import io.blueflash.bench.ExternalTools;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs an unmodified outside client (stm32flash, openocd, gdb-multiarch) with a hard timeout, so a
 * misbehaving simulator can fail a test but never hang CI. Output goes to a log file in the test's
 * directory and is returned for assertions.
 */
final class ExternalClient {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private ExternalClient() {
    }

    /** The outcome of one run. */
    record Run(List<String> command, int exitCode, boolean timedOut, String output, long wallMillis) {

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The command as a shell would need it typed (arguments with spaces quoted). */
        String commandLine() {
            int main = command.indexOf(io.blueflash.cli.FlashToolMain.class.getName());
            List<String> shown = main < 0 ? command
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("blueflash"),
                            command.subList(main + 1, command.size()).stream()).toList();
            return shown.stream().map(a -> a.matches("[\\w./:=,+@%-]+") ? a : "'" + a + "'")
                    .collect(java.util.stream.Collectors.joining(" "));
        }

        String describe() {
            return commandLine() + " -> " + (timedOut ? "TIMED OUT" : "exit " + exitCode) + "\n" + output;
        }
    }

    /** Skips the calling test unless {@code executable} is on the PATH (CI installs it in .ci/run). */
    static void assumeInstalled(String executable, String debianPackage) {
        assumeTrue(ExternalTools.installed(executable), executable + " is not installed: skipping this conformance flow"
                + " (apt-get install -y " + debianPackage + "; .ci/run installs it)");
    }

    static Run run(Path workDir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        return run(workDir, timeout, Map.of(), command);
    }

    /** As {@link #run(Path, Duration, List)}, with {@code environment} added to this process's environment. */
    static Run run(Path workDir, Duration timeout, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, Path.of(command.get(0)).getFileName().toString().replaceAll("\\W", "_"),
                ".log");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(List.copyOf(command), finished ? process.exitValue() : -1, !finished, output, wall);
    }
}
