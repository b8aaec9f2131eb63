package io.blueflash.sim.wave;

import java.util.Objects;

/**
 * One UART line (idle high) drawn from the characters the simulator reports when their stop bit
 * ends (RM0008 §27.3.2): start bit low, the data bits LSB first, an even parity bit when the
 * framing has one, one stop bit high. Each character is drawn back from its end, one bit period
 * ({@code 1 s / baud}) per bit; a character reported before the previous one could have ended
 * starts right after it.
 */
public final class UartWaveform {

    private final VcdWriter vcd;
    private final VcdWriter.Wire line;
    private final int baud;
    private final int dataBits;
    private final boolean evenParity;
    private long lineFreeAt;
    private long characters;

    /**
     * @param dataBits   8 or 9 data bits
     * @param evenParity true for 8E1 (the ROM bootloader's framing, AN3155 §2), false for no parity
     */
    public UartWaveform(VcdWriter vcd, String scope, String name, int baud, int dataBits, boolean evenParity) {
        this.vcd = Objects.requireNonNull(vcd, "'vcd' must not be null");
        if (baud <= 0) {
            throw new IllegalArgumentException("'baud' must be positive: " + baud);
        }
        if (dataBits < 7 || dataBits > 9) {
            throw new IllegalArgumentException("'dataBits' must be 7 to 9: " + dataBits);
        }
        this.baud = baud;
        this.dataBits = dataBits;
        this.evenParity = evenParity;
        this.line = vcd.wire(scope, name, '1');
        vcd.holdBack(4 * bitsPerCharacter() * 1_000_000_000L / baud);
    }

    /** Start, data, parity and stop bits of one character. */
    public int bitsPerCharacter() {
        return 1 + dataBits + (evenParity ? 1 : 0) + 1;
    }

    /** Characters drawn so far. */
    public long characters() {
        return characters;
    }

    /** The character {@code value} whose stop bit ended at {@code endNanos}. */
    public void character(long endNanos, int value) {
        int bits = bitsPerCharacter();
        long start = Math.max(endNanos - bits * 1_000_000_000L / baud, lineFreeAt);
        int frame = (value & (1 << dataBits) - 1) << 1; // start bit 0, then data LSB first
        int next = 1 + dataBits;
        if (evenParity) {
            frame |= (Integer.bitCount(value & (1 << dataBits) - 1) & 1) << next++;
        }
        frame |= 1 << next; // stop bit
        for (int i = 0; i < bits; i++) {
            vcd.change(start + i * 1_000_000_000L / baud, line, (frame >>> i & 1) != 0 ? '1' : '0');
        }
        lineFreeAt = start + bits * 1_000_000_000L / baud;
        characters++;
    }
}
