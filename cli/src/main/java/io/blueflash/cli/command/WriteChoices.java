package io.blueflash.cli.command;

/**
 * How {@code write} goes about it, when the user chooses: {@code --mass-erase} (erase the whole chip
 * first: the fastest full write, nothing outside the image survives), {@code --no-verify} (skip the
 * read-back) and {@code --no-compare} (program every page the image touches, as st-flash does, even
 * pages that already hold it).
 *
 * @param massErase mass erase before programming
 * @param verify    read back and compare what was programmed
 * @param compare   leave pages that already hold the image alone
 */
public record WriteChoices(boolean massErase, boolean verify, boolean compare) {

    /** The defaults: erase touched pages only, compare first, verify after. */
    public static final WriteChoices DEFAULTS = new WriteChoices(false, true, true);

    @Override
    public String toString() {
        return (massErase ? "--mass-erase " : "") + (verify ? "" : "--no-verify ") + (compare ? "" : "--no-compare ");
    }
}
