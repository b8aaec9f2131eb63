package io.blueflash.cli.args;

import picocli.CommandLine.ITypeConverter;

/** picocli converter for SWD clocks in kHz ({@code 1800}, {@code 4M}). */
public final class FrequencyConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        return NumberArguments.parseFrequencyKhz(value);
    }
}
