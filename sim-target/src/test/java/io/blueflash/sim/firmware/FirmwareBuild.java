package io.blueflash.sim.firmware;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds the repository's test firmware ({@code firmware/}, see its README) into this module's
 * {@code target/firmware} by running its Makefile: Cortex-M3 images with Debian's arm-none-eabi-gcc at
 * -O0/-O2/-Os, the same programs for the host (the expected signatures) and for QEMU. Each make goal
 * is built at most once per test JVM; make itself skips what is up to date.
 *
 * <p>A missing compiler fails the test with the packages to install (CI installs them in
 * {@code .ci/run}); it never skips silently.
 */
public final class FirmwareBuild {

    private static final Set<String> BUILT = new HashSet<>();

    private FirmwareBuild() {
    }

    /** The output directory: {@code arm/NAME.elf|.bin|.hex}, {@code host/NAME}, {@code qemu/NAME.elf}. */
    public static Path out() {
        return Path.of("target", "firmware").toAbsolutePath();
    }

    /** The firmware sources: {@code firmware/} in the repository root, found from the module directory. */
    public static Path sources() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("firmware").resolve("Makefile"))) {
                return dir.resolve("firmware");
            }
        }
        throw new IllegalStateException("firmware/Makefile not found above " + Path.of("").toAbsolutePath());
    }

    /** An ARM image built for the STM32F103, e.g. {@code arm("arith-O2", "elf")} or {@code arm("blink", "bin")}. */
    public static Path arm(String name, String extension) {
        build("arm");
        return existing(out().resolve("arm").resolve(name + "." + extension));
    }

    /** Only the apps (blink, hello, debugme) for the STM32F103: what the command-line tests need. */
    public static Path app(String name, String extension) {
        build(out() + "/arm/" + name + "." + extension);
        return existing(out().resolve("arm").resolve(name + "." + extension));
    }

    /** The host build of a signature program (prints the expected signature). */
    public static Path host(String test) {
        build("host");
        return existing(out().resolve("host").resolve(test));
    }

    /** The QEMU mps2-an385 build of a signature program. */
    public static Path qemu(String name) {
        build("qemu");
        return existing(out().resolve("qemu").resolve(name + ".elf"));
    }

    /** Runs {@code make GOAL} in the firmware directory (once per JVM per goal). */
    public static synchronized void build(String goal) {
        if (BUILT.contains(goal)) {
            return;
        }
        requireTool("arm-none-eabi-gcc", "gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi");
        requireTool("make", "make");
        List<String> command = new ArrayList<>(List.of("make", "-s", "-j2", "-C", sources().toString(),
                "OUT=" + out(), goal));
        Run run = Run.of(command, sources(), 600);
        if (run.exitCode() != 0) {
            throw new AssertionError("building the test firmware failed: " + String.join(" ", command)
                    + " -> exit " + run.exitCode() + "\n" + run.output());
        }
        BUILT.add(goal);
    }

    /** Fails (never skips) when {@code executable} is not on the PATH. */
    public static void requireTool(String executable, String debianPackages) {
        if (!onPath(executable)) {
            throw new IllegalStateException(executable + " is not installed; the firmware tests need it: "
                    + "apt-get install -y " + debianPackages + " (.ci/run installs it)");
        }
    }

    public static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the firmware build did not produce " + file);
        }
        return file;
    }

    /** One finished outside process: exit code (-1 if it had to be killed) and its merged output. */
    public record Run(int exitCode, String output) {

        /** Runs {@code command} in {@code dir}, killing it after {@code timeoutSeconds}. */
        public static Run of(List<String> command, Path dir, long timeoutSeconds) {
            try {
                Path log = Files.createTempFile("firmware-run", ".log");
                try {
                    Process process = new ProcessBuilder(command).directory(dir.toFile())
                            .redirectErrorStream(true).redirectOutput(log.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                    if (!finished) {
                        process.descendants().forEach(ProcessHandle::destroyForcibly);
                        process.destroyForcibly();
                        process.waitFor(10, TimeUnit.SECONDS);
                    }
                    String output = Files.readString(log, StandardCharsets.UTF_8);
                    return new Run(finished ? process.exitValue() : -1,
                            finished ? output : output + "\n(killed after " + timeoutSeconds + " s)");
                } finally {
                    Files.deleteIfExists(log);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command, e);
            }
        }
    }
}
