package io.blueflash.cli.endtoend;

import io.blueflash.cli.FlashToolMain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI as a separate JVM on the test class path: for what only a process shows (signals, locks
 * held by another process, the locale the JVM starts in).
 */
final class CliProcess {

    private CliProcess() {
    }

    static ProcessBuilder builder(Path workDir, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FlashToolMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(environment);
        return pb;
    }

    static Process start(Path workDir, Map<String, String> environment, Path stdout, Path stderr, String... args)
            throws IOException {
        return builder(workDir, environment, args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
