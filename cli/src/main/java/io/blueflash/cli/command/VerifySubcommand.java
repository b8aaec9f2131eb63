package io.blueflash.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code verify FILE [ADDR]}: compare flash with an image without writing. */
@Command(name = "verify", description = "Compare flash with FILE; exit code 6 and the first differing address on a mismatch.")
public final class VerifySubcommand implements Callable<Integer> {

    private final Supplier<Operations> operations;

    @Mixin
    ImageArguments image;

    @Mixin
    FlashMapOption flashMap;

    public VerifySubcommand(Supplier<Operations> operations) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
    }

    @Override
    public Integer call() {
        return operations.get().verify(image.file(), image.address(), flashMap.file()).code();
    }
}
