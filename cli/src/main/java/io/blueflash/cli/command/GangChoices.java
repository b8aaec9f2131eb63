package io.blueflash.cli.command;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The gang options of {@code write}.
 *
 * @param allProbes     {@code --all-probes}: every probe attached (never the simulator)
 * @param serialCounter {@code --serial-counter START@ADDRESS[:WIDTH]}, if given
 * @param perTarget     {@code --per-target FILE.csv}: bytes per unique ID, if given
 */
public record GangChoices(boolean allProbes, Optional<String> serialCounter, Optional<Path> perTarget) {

    public static final GangChoices NONE = new GangChoices(false, Optional.empty(), Optional.empty());

    public GangChoices {
        Objects.requireNonNull(serialCounter, "'serialCounter' must not be null");
        Objects.requireNonNull(perTarget, "'perTarget' must not be null");
    }

    /** Whether any gang option was given (then even one target gets the gang report). */
    public boolean any() {
        return allProbes || serialCounter.isPresent() || perTarget.isPresent();
    }

    @Override
    public String toString() {
        return (allProbes ? "--all-probes " : "") + serialCounter.map(c -> "--serial-counter " + c + " ").orElse("")
                + perTarget.map(p -> "--per-target " + p + " ").orElse("");
    }
}
