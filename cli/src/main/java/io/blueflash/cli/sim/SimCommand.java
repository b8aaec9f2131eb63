package io.blueflash.cli.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code blueflash sim ...}: the simulated chip as a device for other tools. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Use the simulated STM32F103: serve it to other tools, or run firmware on it.",
        subcommands = {SimServeCommand.class, SimRunCommand.class})
public final class SimCommand {

    /**
     * Adds {@code sim} under {@code root}, writing where the root writes. The root keeps accepting
     * {@code --probe sim}: without {@code allowSubcommandsAsOptionParameters} picocli would read that
     * {@code sim} as this subcommand instead of the option's value.
     */
    public static void registerIn(CommandLine root) {
        root.addSubcommand(new CommandLine(new SimCommand()).setOut(root.getOut()).setErr(root.getErr()));
        root.setAllowSubcommandsAsOptionParameters(true);
    }
}
