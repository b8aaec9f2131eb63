package io.blueflash.cli.conformance;

import io.blueflash.bench.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A shared library of the test tree for LD_PRELOAD (the virtual ST-Link, the modem-line shim): its C
 * sources in one directory, built with Debian's gcc into {@code target/NAME/libNAME.so} once per test
 * JVM and again when a source is newer than the library.
 */
final class PreloadLibrary {

    private final String name;
    private final Path sources;
    private final Path library;
    private final List<String> linkArguments;
    private boolean built;

    /** @param sourceDirectory relative to the module ({@code basedir}), e.g. {@code src/test/c/modem-lines} */
    PreloadLibrary(String name, String sourceDirectory, String... linkArguments) {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        this.name = name;
        this.sources = basedir.resolve(sourceDirectory).normalize();
        this.library = basedir.resolve("target").resolve(name).resolve("lib" + name + ".so").toAbsolutePath();
        this.linkArguments = List.of(linkArguments);
    }

    Path sources() {
        return sources;
    }

    /** Builds the library when needed; skips the calling test, saying why, without gcc (.ci/run installs it). */
    synchronized Path build() {
        if (built) {
            return library;
        }
        assumeTrue(ExternalTools.installed("gcc"), "gcc is not installed: cannot build " + name
                + " (apt-get install -y gcc; .ci/run installs it)");
        try {
            List<Path> files;
            try (Stream<Path> list = Files.list(sources)) {
                files = list.filter(f -> f.toString().endsWith(".c") || f.toString().endsWith(".h")).sorted().toList();
            }
            if (!upToDate(files)) {
                Files.createDirectories(library.getParent());
                List<String> command = new ArrayList<>(List.of("gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra",
                        "-Werror", "-o", library.toString()));
                files.stream().filter(f -> f.toString().endsWith(".c")).map(Path::toString).forEach(command::add);
                command.addAll(linkArguments);
                ExternalClient.Run gcc = ExternalClient.run(library.getParent(), Duration.ofSeconds(60), command);
                if (!gcc.succeeded()) {
                    throw new AssertionError("building " + name + " failed: " + gcc.describe());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building " + name, e);
        }
        built = true;
        return library;
    }

    private boolean upToDate(List<Path> files) throws IOException {
        if (!Files.exists(library)) {
            return false;
        }
        FileTime builtAt = Files.getLastModifiedTime(library);
        for (Path source : files) {
            if (Files.getLastModifiedTime(source).compareTo(builtAt) > 0) {
                return false;
            }
        }
        return true;
    }
}
