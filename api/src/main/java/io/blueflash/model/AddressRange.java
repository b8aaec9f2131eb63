package io.blueflash.model;

/**
 * A range of target addresses [start, start+length), unsigned 32-bit values held in longs.
 *
 * @param start  first address
 * @param length bytes in the range, at least 0
 */
public record AddressRange(long start, long length) {

    public AddressRange {
        if (start < 0 || start > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("'start' must be a 32-bit address: " + start);
        }
        if (length < 0 || start + length > 0x1_0000_0000L) {
            throw new IllegalArgumentException(String.format(
                    "'length' %d at 0x%08X does not fit the 32-bit address space", length, start));
        }
    }

    /** One past the last address. */
    public long end() {
        return start + length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public boolean contains(long address) {
        return address >= start && address < end();
    }

    public boolean overlaps(AddressRange other) {
        return start < other.end() && other.start < end();
    }

    @Override
    public String toString() {
        return String.format("[0x%08X, 0x%08X)", start, end());
    }
}
