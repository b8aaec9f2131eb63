package io.blueflash.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code reset [--hard]}: restart the target's firmware. */
@Command(name = "reset", description = "Reset the target and let it run: system reset (AIRCR.SYSRESETREQ), "
        + "or pulse NRST with --hard.")
public final class ResetSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Option(names = "--hard", description = "pulse the NRST pin instead of a system reset request")
    boolean hard;

    public ResetSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().reset(hard).code();
    }
}
