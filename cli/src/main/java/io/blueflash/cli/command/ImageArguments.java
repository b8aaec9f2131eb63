package io.blueflash.cli.command;

import io.blueflash.cli.args.AddressConverter;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.OptionalLong;

/** The {@code FILE [ADDR]} positionals shared by {@code write} and {@code verify} (a picocli mixin). */
public final class ImageArguments {

    @Parameters(index = "0", paramLabel = "FILE", description = "firmware file (.bin, .hex, .elf, .srec)")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ADDR", converter = AddressConverter.class,
            description = "where a raw binary goes, e.g. 0x08000000")
    Long address;

    Path file() {
        return file;
    }

    /** ADDR when given; Intel HEX, ELF and S-record files carry their own addresses. */
    OptionalLong address() {
        return address == null ? OptionalLong.empty() : OptionalLong.of(address);
    }
}
