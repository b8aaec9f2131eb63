package io.blueflash.port.out;

/** Width of one bus access (AHB HSIZE): byte, half-word or word. */
public enum AccessWidth {
    BYTE(1), HALFWORD(2), WORD(4);

    private final int bytes;

    AccessWidth(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** True when {@code address} is a multiple of this width. */
    public boolean isAligned(long address) {
        return (address & (bytes - 1)) == 0;
    }
}
