package io.blueflash.model;

import java.util.Objects;

/**
 * A parsed {@code --probe} argument: {@code stlink[:SERIAL]}, {@code bootloader:PORT},
 * {@code bmp:PORT}, {@code sim[:PROFILE][#N]}. The argument is everything after the first colon, so
 * port paths and serials keep their own colons. A {@code #N} suffix numbers one of several
 * otherwise equal targets (the simulator's boards for gang programming): {@code sim#2} is the
 * transport {@code sim} with the argument {@code #2}, {@code sim:stm32f103cb#2} has {@code stm32f103cb#2}.
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
        int hash = text.indexOf('#');
        if (hash > 0 && (colon < 0 || hash < colon)) {
            return new ProbeSelector(text.substring(0, hash).trim().toLowerCase(java.util.Locale.ROOT),
                    text.substring(hash));
        }
        return colon < 0
                ? new ProbeSelector(text.trim().toLowerCase(java.util.Locale.ROOT), "")
                : new ProbeSelector(text.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        text.substring(colon + 1));
    }

    public boolean hasArgument() {
        return !argument.isEmpty();
    }

    /** The argument without its {@code #N} suffix ({@code stm32f103cb#2} → {@code stm32f103cb}; {@code #2} → empty). */
    public String argumentWithoutNumber() {
        int hash = argument.lastIndexOf('#');
        return hash < 0 ? argument : argument.substring(0, hash);
    }

    /**
     * The {@code #N} suffix's N, when the argument ends in one.
     *
     * @throws IllegalArgumentException when the text after {@code #} is not a positive number
     */
    public java.util.OptionalInt number() {
        int hash = argument.lastIndexOf('#');
        if (hash < 0) {
            return java.util.OptionalInt.empty();
        }
        String digits = argument.substring(hash + 1).trim();
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1) {
                return java.util.OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("probe '" + this + "': the number after '#' must be 1 or more, not '"
                + digits + "'");
    }

    @Override
    public String toString() {
        return !hasArgument() ? transport : argument.startsWith("#") ? transport + argument : transport + ":" + argument;
    }
}
