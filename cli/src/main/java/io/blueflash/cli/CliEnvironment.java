package io.blueflash.cli;

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
 * @param terminal    true when a person watches (System.console() != null): draw a progress bar
 * @param home        the user's home; the simulator's default state file lives in {@code home/.blueflash/}
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

    public static CliEnvironment ofSystem() {
        return new CliEnvironment(System.out, System.err, System.console() != null,
                Path.of(System.getProperty("user.home")), System.getenv());
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /** Directory for blueflash's own files ({@code ~/.blueflash}). */
    public Path blueflashDirectory() {
        return home.resolve(".blueflash");
    }
}
