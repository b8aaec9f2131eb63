package io.blueflash.cli.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code blueflash sim serve} in its own JVM, as a user starts it: for what only a process shows
 * (the summary on SIGTERM or Ctrl-C, stdout under {@code --json}, the state file lock). Its stdout and
 * stderr go to files in the test's directory; {@link #close()} kills what is left.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServeProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code blueflash ARGS} (ARGS include {@code sim serve ... --ignore-stdin}) and waits for its banner. */
    static ServeProcess start(Path dir, String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "serve", ".out");
        Path err = Files.createTempFile(dir, "serve", ".err");
        Process process = new ProcessBuilder(BlueflashProcess.command(arguments))
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        ServeProcess serve = new ServeProcess(process, out, err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!serve.all().matches("(?s).*blueflash sim: .* stops\\R.*")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                serve.close();
                throw new AssertionError("sim serve did not start: " + serve.all());
            }
            Thread.sleep(20); // waiting for another process
        }
        return serve;
    }

    /** The TCP port the banner names. */
    int port() throws IOException {
        Matcher m = PORT.matcher(all());
        if (!m.find()) {
            throw new AssertionError("no port in the banner: " + all());
        }
        return Integer.parseInt(m.group(1));
    }

    long pid() {
        return process.pid();
    }

    /** Sends {@code signal} ("TERM", "INT") and waits for the process to end; returns its exit code. */
    int stop(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("sim serve did not stop on SIG" + signal + ": " + all());
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    private String all() throws IOException {
        return stdout() + stderr();
    }

    /** Lines of stdout (under --json: the one document). */
    List<String> stdoutLines() throws IOException {
        return stdout().lines().toList();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
