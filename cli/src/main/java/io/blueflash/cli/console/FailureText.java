package io.blueflash.cli.console;

import java.util.List;
import java.util.Objects;

/**
 * A failure as the user reads it: the exit code it stands for, what went wrong, what to do. The
 * composition root makes these from exceptions (one place decides exit codes); commands that
 * report several failures at once (a gang write) receive that translation instead of knowing it.
 */
public record FailureText(ExitCode exitCode, String message, List<String> hints) {

    public FailureText {
        Objects.requireNonNull(exitCode, "'exitCode' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
        hints = List.copyOf(Objects.requireNonNull(hints, "'hints' must not be null"));
    }
}
