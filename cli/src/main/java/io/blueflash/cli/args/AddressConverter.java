package io.blueflash.cli.args;

import picocli.CommandLine.ITypeConverter;

/** picocli converter for addresses ({@code 0x08000000}); errors become usage errors naming the text. */
public final class AddressConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return NumberArguments.parseAddress(value);
    }
}
