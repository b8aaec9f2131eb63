package io.blueflash.cli.command;

import io.blueflash.cli.args.AddressConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code verify FILE [ADDR]}: compare flash with an image without writing. */
@Command(name = "verify", description = "Compare flash with FILE; exit code 6 and the first differing address on a mismatch.")
public final class VerifySubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Parameters(index = "0", paramLabel = "FILE", description = "firmware file (.bin, .hex, .elf, .srec)")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "where a raw binary goes, e.g. 0x08000000")
    Long address;

    public VerifySubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().verify(file, address == null ? OptionalLong.empty() : OptionalLong.of(address)).code();
    }
}
