package io.blueflash.cli.command;

import picocli.CommandLine.Command;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code option-bytes}: read and decode RDP, USER, Data and WRP. Changing them (lock, unlock,
 * write protection) needs an option-byte erase the core does not offer yet; the read is safe on
 * every chip, even a read-protected one.
 */
@Command(name = "option-bytes", description = "Read and decode the option bytes (RDP read protection, USER, Data, "
        + "WRP write protection) at 0x1FFFF800.")
public final class OptionBytesSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    public OptionBytesSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().optionBytes().code();
    }
}
