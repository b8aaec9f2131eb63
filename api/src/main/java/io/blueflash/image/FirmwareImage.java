package io.blueflash.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable firmware image: sorted, non-overlapping segments; touching segments are merged.
 * Overlapping input is an error naming both ranges (as probe-rs's {@code DataOverlaps}).
 */
public final class FirmwareImage {

    private final List<ImageSegment> segments;
    private final Optional<Long> entryPoint;

    private FirmwareImage(List<ImageSegment> segments, Optional<Long> entryPoint) {
        this.segments = segments;
        this.entryPoint = entryPoint;
    }

    public static FirmwareImage of(List<ImageSegment> input) {
        return of(input, Optional.empty());
    }

    /**
     * @throws ImageFormatException when two segments overlap (the message names both ranges)
     */
    public static FirmwareImage of(List<ImageSegment> input, Optional<Long> entryPoint) {
        Objects.requireNonNull(input, "'input' must not be null");
        Objects.requireNonNull(entryPoint, "'entryPoint' must not be null");
        List<ImageSegment> sorted = new ArrayList<>(input.stream().filter(s -> s.length() > 0).toList());
        sorted.sort(Comparator.comparingLong(ImageSegment::address));
        List<ImageSegment> merged = new ArrayList<>();
        int runFirst = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i < sorted.size()) {
                ImageSegment previous = sorted.get(i - 1);
                ImageSegment next = sorted.get(i);
                if (next.address() < previous.end()) {
                    throw new ImageFormatException("image data overlaps: " + previous.rangeText()
                            + " and " + next.rangeText());
                }
                if (next.address() == previous.end()) {
                    continue;
                }
            }
            merged.add(join(sorted.subList(runFirst, i)));
            runFirst = i;
        }
        return new FirmwareImage(List.copyOf(merged), entryPoint);
    }

    /** One segment from touching segments, copying every byte once (a HEX file gives thousands). */
    private static ImageSegment join(List<ImageSegment> run) {
        if (run.size() == 1) {
            return run.get(0);
        }
        long total = run.get(run.size() - 1).end() - run.get(0).address();
        byte[] joined = new byte[Math.toIntExact(total)];
        for (ImageSegment s : run) {
            s.copyOverlapInto(run.get(0).address(), joined);
        }
        return new ImageSegment(run.get(0).address(), joined);
    }

    /** A raw binary placed at {@code address}. */
    public static FirmwareImage binary(long address, byte[] data) {
        return of(List.of(new ImageSegment(address, data)));
    }

    public List<ImageSegment> segments() {
        return segments;
    }

    /** Start address from the file (ELF e_entry, HEX record 05, S-record S7–S9), if any. */
    public Optional<Long> entryPoint() {
        return entryPoint;
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    public long lowestAddress() {
        return segments.isEmpty() ? 0 : segments.get(0).address();
    }

    /** One past the highest byte. */
    public long highestAddress() {
        return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
    }

    public long totalBytes() {
        return segments.stream().mapToLong(ImageSegment::length).sum();
    }

    /** True when any image byte lies in [from, from+length). */
    public boolean covers(long from, long length) {
        return segments.stream().anyMatch(s -> s.address() < from + length && s.end() > from);
    }
}
