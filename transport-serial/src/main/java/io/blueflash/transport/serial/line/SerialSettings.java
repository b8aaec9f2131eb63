package io.blueflash.transport.serial.line;

import io.blueflash.model.ConnectOptions;
import java.util.Objects;

/**
 * How a UART is framed: baud rate, data bits, parity, stop bits.
 *
 * <p>{@link #bitsPerCharacter()} is what a byte costs on the wire: one start bit, the data bits,
 * the parity bit if any and the stop bits — 11 bits at 8E1 (the AN3155 default, facts §E.1), 10 at
 * 8N1. Link-limit figures and the emulators' UART time use it.
 *
 * @param baud     bits per second, positive
 * @param dataBits 5 to 8
 * @param parity   parity, not null
 * @param stopBits stop bits, not null
 */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits) {

    /** Key of {@link ConnectOptions#transportOptions()}: "none", "even" or "odd". */
    public static final String PARITY = "parity";

    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("'baud' must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("'dataBits' must be 5 to 8: " + dataBits);
        }
        Objects.requireNonNull(parity, "'parity' must not be null");
        Objects.requireNonNull(stopBits, "'stopBits' must not be null");
    }

    /** 8 data bits, even parity, 1 stop bit: what the STM32 ROM bootloader expects (facts §E.1). */
    public static SerialSettings eightEvenOne(int baud) {
        return new SerialSettings(baud, 8, Parity.EVEN, StopBits.ONE);
    }

    /** 8 data bits, no parity, 1 stop bit: BMP's virtual COM port, and any pty pair. */
    public static SerialSettings eightNoneOne(int baud) {
        return new SerialSettings(baud, 8, Parity.NONE, StopBits.ONE);
    }

    public SerialSettings withBaud(int newBaud) {
        return new SerialSettings(newBaud, dataBits, parity, stopBits);
    }

    public SerialSettings withParity(Parity newParity) {
        return new SerialSettings(baud, dataBits, newParity, stopBits);
    }

    /** Start bit + data bits + parity bit + stop bits. */
    public int bitsPerCharacter() {
        return 1 + dataBits + parity.bits() + stopBits.bits();
    }

    /** Time one character occupies the wire, in nanoseconds. */
    public long nanosPerCharacter() {
        return bitsPerCharacter() * 1_000_000_000L / baud;
    }

    /**
     * These settings with {@code baud} and {@code parity} overridden from the connect options'
     * transport options ({@link ConnectOptions#BAUD}, {@link #PARITY}) when present.
     */
    public SerialSettings overriddenBy(ConnectOptions options) {
        Objects.requireNonNull(options, "'options' must not be null");
        SerialSettings s = this;
        String baudText = options.transportOptions().get(ConnectOptions.BAUD);
        if (baudText != null) {
            try {
                s = s.withBaud(Integer.parseInt(baudText.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("baud must be a number of bits per second, e.g. 115200: '"
                        + baudText + "'", e);
            }
        }
        String parityText = options.transportOptions().get(PARITY);
        if (parityText != null) {
            s = s.withParity(Parity.parse(parityText));
        }
        return s;
    }

    /** "115200 8E1". */
    @Override
    public String toString() {
        return baud + " " + dataBits + parity.letter() + stopBits.bits();
    }
}
