package io.blueflash.sim.wave;

import java.util.Objects;

/**
 * One UART line (idle high) drawn from the characters the simulator reports when their stop bits
 * end (RM0008 §27.3): start bit low, the data bits LSB first, the parity bit when the framing has
 * one, the stop bits high. Each character is drawn back from its end, one bit period
 * ({@code 1 s / baud}) per bit; a character reported before the previous one could have ended
 * starts right after it.
 */
public final class UartWaveform {

    /** Parity of a frame (RM0008 §27.6.4 USART_CR1 PCE, PS). */
    public enum Parity { NONE, EVEN, ODD }

    /**
     * How characters are framed on the line.
     *
     * @param dataBits 5 to 9 data bits (without the parity bit)
     * @param stopBits 1 or 2
     */
    public record Framing(long baud, int dataBits, Parity parity, int stopBits) {
        public Framing {
            if (baud <= 0) {
                throw new IllegalArgumentException("'baud' must be positive: " + baud);
            }
            if (dataBits < 5 || dataBits > 9) {
                throw new IllegalArgumentException("'dataBits' must be 5 to 9: " + dataBits);
            }
            Objects.requireNonNull(parity, "'parity' must not be null");
            if (stopBits < 1 || stopBits > 2) {
                throw new IllegalArgumentException("'stopBits' must be 1 or 2: " + stopBits);
            }
        }

        /** 8E1: the ROM bootloader's framing (AN3155 §2). */
        public static Framing eightEvenOne(long baud) {
            return new Framing(baud, 8, Parity.EVEN, 1);
        }

        /** 8N1. */
        public static Framing eightNoneOne(long baud) {
            return new Framing(baud, 8, Parity.NONE, 1);
        }

        /** Start, data, parity and stop bits of one character. */
        public int bits() {
            return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
        }

        long bitEdge(int index) {
            return index * 1_000_000_000L / baud;
        }
    }

    private final VcdWriter vcd;
    private final VcdWriter.Wire line;
    private long lineFreeAt;
    private long characters;

    public UartWaveform(VcdWriter vcd, String scope, String name) {
        this.vcd = Objects.requireNonNull(vcd, "'vcd' must not be null");
        this.line = vcd.wire(scope, name, '1');
    }

    /** Characters drawn so far. */
    public long characters() {
        return characters;
    }

    /** The character {@code value} whose last stop bit ended at {@code endNanos}. */
    public void character(long endNanos, int value, Framing framing) {
        int bits = framing.bits();
        vcd.holdBack(2 * framing.bitEdge(bits));
        long start = Math.max(endNanos - framing.bitEdge(bits), lineFreeAt);
        int data = value & (1 << framing.dataBits()) - 1;
        long frame = (long) data << 1; // start bit 0, then data LSB first
        int next = 1 + framing.dataBits();
        if (framing.parity() != Parity.NONE) {
            int odd = Integer.bitCount(data) & 1;
            frame |= (long) (framing.parity() == Parity.EVEN ? odd : odd ^ 1) << next++;
        }
        for (int i = 0; i < framing.stopBits(); i++) {
            frame |= 1L << next++;
        }
        for (int i = 0; i < bits; i++) {
            vcd.change(start + framing.bitEdge(i), line, (frame >>> i & 1) != 0 ? '1' : '0');
        }
        lineFreeAt = start + framing.bitEdge(bits);
        characters++;
    }
}
