package io.blueflash.sim.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools the interpreter tests use as referees (GNU as/gcc/objcopy, qemu-system-arm)
 * in a temporary directory that is removed afterwards. A missing or failing tool is an
 * IllegalStateException naming the Debian packages, never a silent skip (.ci/run installs them).
 */
final class ExternalTools {

    /** Work done inside the temporary directory. */
    interface InDirectory<T> {
        T run(Path dir) throws IOException;
    }

    private ExternalTools() {
    }

    static <T> T inTemporaryDirectory(String packages, InDirectory<T> work) {
        try {
            Path dir = Files.createTempDirectory("blueflash-tools");
            try {
                return work.run(dir);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("external tool not runnable (install Debian packages " + packages + "): "
                    + e.getMessage(), e);
        }
    }

    /** Runs {@code command} in {@code dir}; returns its output (stdout and stderr). */
    static String run(Path dir, int seconds, String... command) throws IOException {
        Path log = Files.createTempFile(dir, "output", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
