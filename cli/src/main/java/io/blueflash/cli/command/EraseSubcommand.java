package io.blueflash.cli.command;

import io.blueflash.cli.args.AddressConverter;
import io.blueflash.cli.args.SizeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code erase [ADDR SIZE]}: mass erase, or erase the pages of a range. */
@Command(name = "erase", description = {"Without arguments: mass erase the whole flash.",
        "With ADDR SIZE: erase that range. It must cover whole pages unless --allow-page-rounding is given, "
                + "because erasing a page also erases its other bytes."})
public final class EraseSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR", converter = AddressConverter.class)
    Long address;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SIZE", converter = SizeConverter.class)
    Long size;

    @Option(names = "--allow-page-rounding",
            description = "erase every page the range touches, even bytes outside the range")
    boolean allowPageRounding;

    @picocli.CommandLine.Mixin
    FlashMapOption flashMap;

    public EraseSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().erase(
                address == null ? OptionalLong.empty() : OptionalLong.of(address),
                size == null ? OptionalLong.empty() : OptionalLong.of(size), allowPageRounding, flashMap.file()).code();
    }
}
