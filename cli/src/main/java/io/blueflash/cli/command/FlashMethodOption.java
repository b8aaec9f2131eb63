package io.blueflash.cli.command;

import io.blueflash.model.FlashMethod;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --flash-method auto|loader|registers}: the names users type for {@link FlashMethod}. */
public final class FlashMethodOption implements ITypeConverter<FlashMethod> {

    @Override
    public FlashMethod convert(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> FlashMethod.AUTO;
            case "loader" -> FlashMethod.SRAM_LOADER;
            case "registers" -> FlashMethod.REGISTERS;
            default -> throw new TypeConversionException("unknown flash method '" + value
                    + "': auto, loader or registers");
        };
    }

    /** The name a user types for {@code method}. */
    static String name(FlashMethod method) {
        return switch (method) {
            case AUTO -> "auto";
            case SRAM_LOADER -> "loader";
            case REGISTERS -> "registers";
        };
    }
}
