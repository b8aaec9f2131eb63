package io.blueflash.service;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.TargetDataException;
import java.util.ArrayList;
import java.util.List;

/** The image with one target's own bytes added: one image, so one flash plan covers both. */
final class TargetImage {

    private TargetImage() {
    }

    /**
     * @throws TargetDataException ({@code OVERLAPS_IMAGE}) when a per-target segment overlaps the
     *                             image or another one: neither may silently win
     */
    static FirmwareImage merge(FirmwareImage image, TargetBytes own) {
        if (own.isEmpty()) {
            return image;
        }
        List<ImageSegment> all = new ArrayList<>(image.segments());
        for (ImageSegment extra : own.segments()) {
            for (ImageSegment taken : all) {
                if (extra.address() < taken.end() && taken.address() < extra.end()) {
                    throw new TargetDataException(TargetDataException.Reason.OVERLAPS_IMAGE, String.format(
                            "per-target data %s (%s) overlaps the image's %s: choose an address outside the image",
                            extra.rangeText(), own.description(), taken.rangeText()));
                }
            }
            all.add(extra);
        }
        return FirmwareImage.of(all, image.entryPoint());
    }
}
