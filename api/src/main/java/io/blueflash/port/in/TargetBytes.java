package io.blueflash.port.in;

import io.blueflash.image.ImageSegment;
import java.util.List;
import java.util.Objects;

/**
 * One target's own bytes and a short description for the report ("serial 1007 at 0x0800FC00").
 *
 * @param segments    where the bytes go; must not overlap the image
 * @param description what they are, for people; empty when there are none
 */
public record TargetBytes(List<ImageSegment> segments, String description) {

    /** Nothing of the target's own. */
    public static final TargetBytes NONE = new TargetBytes(List.of(), "");

    public TargetBytes {
        segments = List.copyOf(Objects.requireNonNull(segments, "'segments' must not be null"));
        Objects.requireNonNull(description, "'description' must not be null");
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }
}
