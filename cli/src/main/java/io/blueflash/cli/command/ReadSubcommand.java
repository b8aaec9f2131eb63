package io.blueflash.cli.command;

import io.blueflash.cli.args.AddressConverter;
import io.blueflash.cli.args.SizeConverter;
import io.blueflash.cli.args.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    @Parameters(index = "1", arity = "0..1", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "e.g. 0x08000000 (none with --area=system|option: read FILE [SIZE])")
    Long address;

    @Parameters(index = "2", arity = "0..1", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "e.g. 4096, 0x1000, 64k")
    Long size;

    @Spec
    CommandSpec spec;

    public ReadSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        MemoryArea area = MemoryArea.of(spec);
        if (area == MemoryArea.MAIN) {
            if (address == null || size == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Missing required parameter" + (address == null ? "s: 'ADDR', 'SIZE'" : ": 'SIZE'"));
            }
            return operations.get().read(file, address, size).code();
        }
        if (size != null) {
            throw new UsageException("--area=" + area.optionText() + " reads its own address: read FILE [SIZE]");
        }
        return operations.get().readArea(file, area,
                address == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(address)).code();
    }
}
