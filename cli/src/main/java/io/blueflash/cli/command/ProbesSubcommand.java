package io.blueflash.cli.command;

import picocli.CommandLine.Command;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code probes}: list what every transport can see. */
@Command(name = "probes", description = "List the attached probes of every transport, with the --probe text that selects each.")
public final class ProbesSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    public ProbesSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().probes().code();
    }
}
