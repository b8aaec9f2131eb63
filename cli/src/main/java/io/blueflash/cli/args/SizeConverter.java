package io.blueflash.cli.args;

import picocli.CommandLine.ITypeConverter;

/** picocli converter for byte counts ({@code 4096}, {@code 0x1000}, {@code 128k}). */
public final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return NumberArguments.parseSize(value);
    }
}
