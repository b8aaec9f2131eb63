package io.blueflash.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Gathers data records into contiguous runs in one growable buffer, so a 1 MB file costs a few
 * array copies rather than an object per record or byte. A record that does not continue the
 * current run starts a new one; {@link FirmwareImage#of} then sorts, merges and rejects overlaps.
 */
final class SegmentCollector {

    private final List<ImageSegment> done = new ArrayList<>();
    private byte[] buffer = new byte[4096];
    private int length;
    private long runStart = -1;

    /** Appends {@code count} bytes from {@code src[offset..]} at absolute {@code address}. */
    void add(long address, byte[] src, int offset, int count) {
        if (count == 0) {
            return;
        }
        if (runStart < 0 || address != runStart + length) {
            flush();
            runStart = address;
        }
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(src, offset, buffer, length, count);
        length += count;
    }

    private void flush() {
        if (length > 0) {
            done.add(new ImageSegment(runStart, Arrays.copyOf(buffer, length)));
        }
        length = 0;
        runStart = -1;
    }

    /** The image; an overlap error is prefixed with {@code source}. */
    FirmwareImage toImage(String source, Optional<Long> entryPoint) {
        flush();
        try {
            return FirmwareImage.of(done, entryPoint);
        } catch (ImageFormatException e) {
            throw new ImageFormatException(source + ": " + e.getMessage(), e);
        }
    }
}
