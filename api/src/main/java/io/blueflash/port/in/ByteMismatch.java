package io.blueflash.port.in;

/** One differing byte: {@code expected} from the image, {@code actual} read from the target. */
public record ByteMismatch(long address, int expected, int actual) {

    @Override
    public String toString() {
        return String.format("0x%08X: expected 0x%02X, read 0x%02X", address, expected, actual);
    }
}
