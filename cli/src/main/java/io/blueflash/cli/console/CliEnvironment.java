package io.blueflash.cli.console;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CLI takes from the process it runs in, so tests can run it in-process with their own
 * streams, home directory and environment.
 *
 * @param out         results (and the one {@code --json} document)
 * @param err         progress, notes, traces and errors
 * @param terminal    true when stderr is a terminal a person watches: draw a progress bar there
 * @param home        the user's home ({@code $HOME}); the simulator's default state file lives in
 *                    {@code home/.blueflash/} unless {@code XDG_STATE_HOME} is set
 * @param environment environment variables ({@code BLUEFLASH_PROBE})
 */
public record CliEnvironment(PrintStream out, PrintStream err, boolean terminal, Path home,
                             Map<String, String> environment) {

    /** Environment variable naming the probe when {@code --probe} is absent (e.g. {@code sim}). */
    public static final String PROBE_VARIABLE = "BLUEFLASH_PROBE";

    public CliEnvironment {
        Objects.requireNonNull(out, "'out' must not be null");
        Objects.requireNonNull(err, "'err' must not be null");
        Objects.requireNonNull(home, "'home' must not be null");
        environment = Map.copyOf(Objects.requireNonNull(environment, "'environment' must not be null"));
    }

    /** Variable naming the base directory for state files (XDG Base Directory Specification). */
    public static final String XDG_STATE_HOME = "XDG_STATE_HOME";

    public static CliEnvironment ofSystem() {
        return new CliEnvironment(System.out, System.err, stderrIsTerminal(),
                homeOf(System.getenv(), System.getProperty("user.home")), System.getenv());
    }

    /**
     * Whether file descriptor 2 is a terminal. {@code System.console()} answers for stdin and stdout,
     * so {@code blueflash write fw.bin 2>log} would draw carriage-return bars into the log; on Linux
     * /proc tells what stderr is, elsewhere the console is the best guess.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            return isTerminalDevice(java.nio.file.Files.readSymbolicLink(fd2).toString());
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** True for terminal device paths ({@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/console}). */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.matches("/dev/tty[0-9]*") || path.equals("/dev/console");
    }

    /**
     * The home directory as the shell sees it: {@code $HOME}, which sudo, containers and test
     * harnesses set on purpose; the passwd entry (Java's {@code user.home}) only without it.
     */
    static Path homeOf(Map<String, String> environment, String userHomeProperty) {
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHomeProperty);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /** Directory for blueflash's own files: {@code $XDG_STATE_HOME/blueflash} when set, else {@code ~/.blueflash}. */
    public Path blueflashDirectory() {
        return variable(XDG_STATE_HOME).filter(dir -> Path.of(dir).isAbsolute())
                .map(dir -> Path.of(dir, "blueflash"))
                .orElse(home.resolve(".blueflash"));
    }
}
