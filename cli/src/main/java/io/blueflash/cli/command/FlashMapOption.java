package io.blueflash.cli.command;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --flash-map FILE.svg} of {@code write}, {@code erase} and {@code verify} (a picocli mixin). */
public final class FlashMapOption {

    @Option(names = "--flash-map", paramLabel = "FILE.svg",
            description = "draw every page of the chip and what this command did to it (erased, programmed, "
                    + "unchanged, kept bytes, protection, time by phase) as an SVG picture; with --json the same facts "
                    + "appear in the document")
    Path file;

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
