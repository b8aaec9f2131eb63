package io.blueflash.cli.endtoend;

import io.blueflash.cli.FlashToolMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 items 8 and 18: the {@code ./blueflash} launcher, run as a user runs it, on an install
 * made of the launcher script and a jar (here one whose manifest class path points at the test
 * class path, so the code under test is what runs).
 */
class LauncherEndToEndTest {

    private static final Path LAUNCHER = Path.of("..", "blueflash").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
    }

    /**
     * An install: {@code where/blueflash} and {@code where/cli/target/blueflash.jar}, a real jar holding
     * the classes under test (class-data sharing archives classes from jars only), whose manifest class
     * path names the dependency jars.
     */
    private Path install(Path where) throws IOException {
        Path target = Files.createDirectories(where.resolve("cli").resolve("target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FlashToolMain.class.getName());
        List<String> jars = new ArrayList<>();
        List<Path> classDirectories = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                if (path.endsWith(Path.of("target", "classes"))) {
                    classDirectories.add(path);
                }
            } else {
                jars.add(path.toUri().toString());
            }
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", jars));
        Map<String, java.io.ByteArrayOutputStream> entries = new java.util.LinkedHashMap<>();
        for (Path classes : classDirectories) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                    if (name.equals("META-INF/MANIFEST.MF") || entries.containsKey(name) && !name.startsWith("META-INF/services/")) {
                        continue;
                    }
                    // service files of several modules are merged, as the shade plugin does
                    entries.computeIfAbsent(name, n -> new java.io.ByteArrayOutputStream()).write(Files.readAllBytes(file));
                    if (name.startsWith("META-INF/services/")) {
                        entries.get(name).write('\n');
                    }
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(target.resolve("blueflash.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, java.io.ByteArrayOutputStream> e : entries.entrySet()) {
                jar.putNextEntry(new java.util.jar.JarEntry(e.getKey()));
                e.getValue().writeTo(jar);
                jar.closeEntry();
            }
        }
        Path launcher = where.resolve("blueflash");
        Files.copy(LAUNCHER, launcher, StandardCopyOption.REPLACE_EXISTING);
        launcher.toFile().setExecutable(true);
        return launcher;
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs {@code bash -c SCRIPT} ($0 = the launcher) with a clean, given environment. */
    private Run bash(Path launcher, Map<String, String> environment, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, launcher.toString()).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + path);
        env.put("HOME", home.toString());
        env.putAll(environment);
        Path out = dir.resolve("launcher.out");
        Path err = dir.resolve("launcher.err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + script);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    @Test
    void givenInstallMovedAfterItsFirstRuns_whenRunFromTheNewPlace_thenNoWarningAndExit0() throws Exception {
        Path first = install(dir.resolve("opt-a"));
        assertThat(bash(first, Map.of(), "\"$0\" --version").exitCode()).isZero();
        assertThat(bash(first, Map.of(), "\"$0\" --version").exitCode()).isZero();
        try (Stream<Path> cache = Files.list(home.resolve(".cache").resolve("blueflash"))) {
            assertThat(cache.map(p -> p.getFileName().toString())).as("the class-data archive, in the user's cache")
                    .anyMatch(name -> name.endsWith(".jsa"));
        }
        Path moved = dir.resolve("opt-b");
        try (Stream<Path> files = Files.walk(dir.resolve("opt-a"))) {
            for (Path p : files.toList()) {
                Path to = moved.resolve(dir.resolve("opt-a").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }

        for (int i = 0; i < 2; i++) {
            Run r = bash(moved.resolve("blueflash"), Map.of(), "\"$0\" --version");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).as("stderr of run %d from the moved install", i + 1).isEmpty();
            assertThat(r.out()).startsWith("blueflash ");
        }
    }

    @Test
    void givenNoWritableCacheDirectory_whenRun_thenTheToolsExitCodeAndNoJvmMessages() throws Exception {
        Path launcher = install(dir.resolve("ro"));
        Path state = dir.resolve("chip.state");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", "/dev/null/cache");

        Run ok = bash(launcher, env, "\"$0\" --probe sim --sim-state " + state + " --json info");
        Run usage = bash(launcher, env, "\"$0\" --json --no-such-option");
        Run verifyMismatch = bash(launcher, env, "\"$0\" --probe sim --sim-state " + state
                + " verify " + Path.of("..", "examples", "blink.bin").toAbsolutePath().normalize() + " 0x08000000");

        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("\"ok\":true");
        assertThat(usage.exitCode()).as(usage.toString()).isEqualTo(1);
        assertThat(usage.out()).contains("\"exitCode\":1");
        assertThat(verifyMismatch.exitCode()).as(verifyMismatch.toString()).isEqualTo(6);
        assertThat(ok.err() + usage.err()).doesNotContain("shared archive").doesNotContain("[warning]")
                .doesNotContain("[error]");
        try (Stream<Path> files = Files.walk(dir.resolve("ro"))) {
            assertThat(files.map(p -> dir.resolve("ro").relativize(p).toString()).filter(n -> !n.isEmpty()))
                    .as("a read-only install stays as installed: nothing is written beside the jar")
                    .containsExactlyInAnyOrder("blueflash", "cli", "cli/target", "cli/target/blueflash.jar");
        }
    }

    @Test
    void givenStInfoLauncherBesideBlueflash_whenAskedForTheChipId_thenItAnswersAsStInfo() throws Exception {
        Path launcher = install(dir.resolve("tools"));
        Path stInfo = dir.resolve("tools").resolve("st-info");
        Files.copy(LAUNCHER.resolveSibling("st-info"), stInfo);
        stInfo.toFile().setExecutable(true);

        Run r = bash(launcher, Map.of("BLUEFLASH_PROBE", "sim"), "\"$(dirname \"$0\")/st-info\" --chipid");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("0x410\n");
    }

    @Test
    void givenLangC_whenReadingIntoANonAsciiFileName_thenTheFileIsWritten() throws Exception {
        Path launcher = install(dir.resolve("c-locale"));
        Map<String, String> env = new HashMap<>(Map.of("LANG", "C", "LC_ALL", "C"));
        // the name is made by bash from bytes, so this test does not depend on its own JVM's locale
        Run r = bash(launcher, env, "name=\"$(printf 'caf\\303\\251.bin')\"; \"$0\" --probe sim --sim-state "
                + dir.resolve("chip.state") + " --no-progress read \"$name\" 0x08000000 16 && test -s \"$name\" && echo written");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("written");
        assertThat(r.err()).doesNotContain("InvalidPathException").doesNotContain("Malformed");
    }
}
