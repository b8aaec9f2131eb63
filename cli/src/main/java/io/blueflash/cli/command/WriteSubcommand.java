package io.blueflash.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code write FILE [ADDR]}: program an image; ADDR is needed for raw binaries only. */
@Command(name = "write", description = {
        "Write FILE to flash. A raw binary needs ADDR (e.g. 0x08000000); Intel HEX, ELF and S-record carry their own.",
        "Only pages whose content changes are erased and programmed; other bytes in touched pages are kept."})
public final class WriteSubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Mixin
    ImageArguments image;

    @Option(names = "--no-verify", description = "do not read back and compare what was programmed")
    boolean noVerify;

    @Option(names = "--no-compare", description = "program every page the image touches, even pages that "
            + "already hold it (as st-flash does)")
    boolean noCompare;

    public WriteSubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MemoryArea.of(spec).requireWritable();
        return run();
    }

    private Integer run() {
        picocli.CommandLine.Model.OptionSpec massErase = spec.findOption("--mass-erase"); // the root's, inherited
        return operations.get().write(image.file(), image.address(),
                new WriteChoices(massErase != null && Boolean.TRUE.equals(massErase.getValue()), !noVerify, !noCompare))
                .code();
    }
}
