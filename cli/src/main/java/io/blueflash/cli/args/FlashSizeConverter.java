package io.blueflash.cli.args;

import io.blueflash.chip.FlashSize;
import picocli.CommandLine.ITypeConverter;

/** {@code --flash=SIZE} as st-flash spells it ({@code 128k}, {@code 0x20000}, {@code 1M}), parsed by the chip catalog. */
public final class FlashSizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return FlashSize.parse(value);
    }
}
