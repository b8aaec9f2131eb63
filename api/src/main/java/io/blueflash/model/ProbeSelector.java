package io.blueflash.model;

import java.util.Objects;

/**
 * A parsed {@code --probe} argument: {@code stlink[:SERIAL]}, {@code bootloader:PORT},
 * {@code bmp:PORT}, {@code sim[:PROFILE]}. The argument is everything after the first colon, so
 * port paths and serials keep their own colons.
 *
 * @param transport transport name, lower case
 * @param argument  serial, port or profile; empty when absent
 */
public record ProbeSelector(String transport, String argument) {

    public ProbeSelector {
        Objects.requireNonNull(transport, "'transport' must not be null");
        Objects.requireNonNull(argument, "'argument' must not be null");
        if (transport.isBlank()) {
            throw new IllegalArgumentException("probe transport must not be blank");
        }
    }

    public static ProbeSelector parse(String text) {
        Objects.requireNonNull(text, "'text' must not be null");
        int colon = text.indexOf(':');
        return colon < 0
                ? new ProbeSelector(text.trim().toLowerCase(java.util.Locale.ROOT), "")
                : new ProbeSelector(text.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        text.substring(colon + 1));
    }

    public boolean hasArgument() {
        return !argument.isEmpty();
    }

    @Override
    public String toString() {
        return hasArgument() ? transport + ":" + argument : transport;
    }
}
