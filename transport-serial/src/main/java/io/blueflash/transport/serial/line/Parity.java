package io.blueflash.transport.serial.line;

import java.util.Locale;

/**
 * UART parity. The STM32 ROM bootloader needs {@link #EVEN} (facts §E.1: 8E1); pseudo-terminal
 * pairs refuse parity flags, so tests and emulators on a pty use {@link #NONE} on both ends.
 */
public enum Parity {
    NONE('N'), EVEN('E'), ODD('O');

    private final char letter;

    Parity(char letter) {
        this.letter = letter;
    }

    /** The letter of the usual "8E1" notation. */
    public char letter() {
        return letter;
    }

    /** Extra bits this parity adds to every character on the wire. */
    public int bits() {
        return this == NONE ? 0 : 1;
    }

    /** Accepts "none"/"even"/"odd" or the letters N/E/O, any case. */
    public static Parity parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Parity p : values()) {
            if (t.equals(p.name()) || t.equals(String.valueOf(p.letter))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parity '" + text + "': use none, even or odd (N, E, O)");
    }
}
