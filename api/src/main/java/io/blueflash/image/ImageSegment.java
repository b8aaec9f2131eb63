package io.blueflash.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run of contiguous bytes of a firmware image at a 32-bit address.
 *
 * @param address unsigned 32-bit start address held in a long
 * @param data    the bytes; copied in and out, never shared
 */
public record ImageSegment(long address, byte[] data) {

    public ImageSegment {
        Objects.requireNonNull(data, "'data' must not be null");
        if (address < 0 || address + data.length > 0x1_0000_0000L) {
            throw new IllegalArgumentException(String.format(
                    "segment at 0x%X of %d bytes does not fit the 32-bit address space", address, data.length));
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** One past the last byte. */
    public long end() {
        return address + data.length;
    }

    /** The byte at absolute {@code addr}, which must lie inside this segment. */
    public int byteAt(long addr) {
        return data[Math.toIntExact(addr - address)] & 0xFF;
    }

    /** Copies the part of this segment inside [from, from+dst.length) into {@code dst}. */
    public void copyOverlapInto(long from, byte[] dst) {
        long start = Math.max(from, address);
        long stop = Math.min(from + dst.length, end());
        if (start < stop) {
            System.arraycopy(data, (int) (start - address), dst, (int) (start - from), (int) (stop - start));
        }
    }

    public String rangeText() {
        return String.format("[0x%08X, 0x%08X)", address, end());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSegment s && s.address == address && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ImageSegment" + rangeText();
    }
}
