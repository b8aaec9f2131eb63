package io.blueflash.bench;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;

import java.util.List;

/** Deterministic firmware-like images: no 0xFF runs, so no page looks erased and none is skipped by accident. */
final class BenchImages {

    private BenchImages() {
    }

    static FirmwareImage image(int bytes, int seed) {
        byte[] data = new byte[bytes];
        int x = seed * 0x9E37_79B9 | 1;
        for (int i = 0; i < bytes; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            data[i] = (byte) ((x & 0xFF) == 0xFF ? 0x5A : x);
        }
        return FirmwareImage.binary(BenchSuite.FLASH_BASE, data);
    }

    /** The same image with the byte at {@code offset} inverted. */
    static FirmwareImage withOneByteChanged(FirmwareImage image, int offset) {
        ImageSegment s = image.segments().get(0);
        byte[] data = s.data();
        data[offset] = (byte) ~data[offset];
        return FirmwareImage.of(List.of(new ImageSegment(s.address(), data)), image.entryPoint());
    }
}
