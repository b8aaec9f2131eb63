package io.blueflash.cli.command;

import io.blueflash.model.FlashMethod;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code write} goes about it, when the user chooses: {@code --mass-erase} (erase the whole chip
 * first: the fastest full write, nothing outside the image survives), {@code --no-verify} (skip the
 * read-back), {@code --no-compare} (program every page the image touches, as st-flash does, even
 * pages that already hold it; only pages the image covers in part are read back) and
 * {@code --assume-blank} (the chip is blank already: nothing is read back or erased), and
 * {@code --flash-method} (who drives the flash controller: a loader on the target's core, or the
 * probe register by register).
 *
 * @param massErase   mass erase before programming
 * @param verify      read back and compare what was programmed
 * @param compare     leave pages that already hold the image alone
 * @param assumeBlank the touched pages are erased already (a fresh chip): erase nothing, read nothing back
 * @param flashMap    {@code --flash-map FILE.svg}: draw what the write did, if given
 * @param method      {@code --flash-method}: {@link FlashMethod#AUTO} unless the user chose
 */
public record WriteChoices(boolean massErase, boolean verify, boolean compare, boolean assumeBlank,
                           Optional<Path> flashMap, FlashMethod method) {

    public WriteChoices {
        Objects.requireNonNull(flashMap, "'flashMap' must not be null");
        Objects.requireNonNull(method, "'method' must not be null");
    }

    /** Choices with the automatic flash method. */
    public WriteChoices(boolean massErase, boolean verify, boolean compare, boolean assumeBlank,
                        Optional<Path> flashMap) {
        this(massErase, verify, compare, assumeBlank, flashMap, FlashMethod.AUTO);
    }

    /** Choices without a flash map. */
    public WriteChoices(boolean massErase, boolean verify, boolean compare, boolean assumeBlank) {
        this(massErase, verify, compare, assumeBlank, Optional.empty());
    }

    /** The defaults: erase touched pages only, compare first, verify after. */
    public static final WriteChoices DEFAULTS = new WriteChoices(false, true, true, false);

    @Override
    public String toString() {
        return (massErase ? "--mass-erase " : "") + (verify ? "" : "--no-verify ") + (compare ? "" : "--no-compare ")
                + (assumeBlank ? "--assume-blank " : "") + flashMap.map(f -> "--flash-map " + f + " ").orElse("")
                + (method == FlashMethod.AUTO ? "" : "--flash-method " + FlashMethodOption.name(method) + " ");
    }
}
