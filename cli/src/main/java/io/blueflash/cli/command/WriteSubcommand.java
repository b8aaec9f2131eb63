package io.blueflash.cli.command;

import io.blueflash.cli.args.AddressConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code write FILE [ADDR]}: program an image; ADDR is needed for raw binaries only. */
@Command(name = "write", description = {
        "Write FILE to flash. A raw binary needs ADDR (e.g. 0x08000000); Intel HEX, ELF and S-record carry their own.",
        "Only pages whose content changes are erased and programmed; other bytes in touched pages are kept."})
public final class WriteSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Parameters(index = "0", paramLabel = "FILE", description = "firmware file (.bin, .hex, .elf, .srec)")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "where a raw binary goes, e.g. 0x08000000")
    Long address;

    public WriteSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().write(file, address == null ? OptionalLong.empty() : OptionalLong.of(address)).code();
    }
}
