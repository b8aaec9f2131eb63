package io.blueflash.transport.serial.line;

/** UART stop bits per character. */
public enum StopBits {
    ONE(1), TWO(2);

    private final int bits;

    StopBits(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
