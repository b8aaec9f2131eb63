package io.blueflash.cli.command;

/** Makes the {@link Operations} for one invocation once its global options are known. */
@FunctionalInterface
public interface OperationsFactory {

    /**
     * @param settings     the parsed global options
     * @param stFlashStyle true when invoked through the {@code st-flash} launcher: st-flash's
     *                     behaviour where it differs (a range erase rounds out to whole pages)
     */
    Operations create(GlobalSettings settings, boolean stFlashStyle);
}
