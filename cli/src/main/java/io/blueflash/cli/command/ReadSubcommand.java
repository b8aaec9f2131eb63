package io.blueflash.cli.command;

import io.blueflash.cli.args.AddressConverter;
import io.blueflash.cli.args.SizeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code read FILE ADDR SIZE}: save target memory to a file (st-flash: size 0 reads the whole flash). */
@Command(name = "read", description = "Read SIZE bytes at ADDR into FILE (raw binary, or Intel HEX with --format ihex). "
        + "SIZE 0 reads the whole flash.")
public final class ReadSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Parameters(index = "0", paramLabel = "FILE", description = "output file")
    Path file;

    @Parameters(index = "1", paramLabel = "ADDR", converter = AddressConverter.class, description = "e.g. 0x08000000")
    long address;

    @Parameters(index = "2", paramLabel = "SIZE", converter = SizeConverter.class, description = "e.g. 4096, 0x1000, 64k")
    long size;

    public ReadSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().read(file, address, size).code();
    }
}
