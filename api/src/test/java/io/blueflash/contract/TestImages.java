package io.blueflash.contract;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import java.util.List;
import java.util.Random;

/** Firmware images for tests (SvenWoltmann's {@code Test*Factory} style). */
public final class TestImages {

    private TestImages() {
    }

    public static final long FLASH_BASE = 0x0800_0000L;

    /** {@code length} bytes counting up from {@code seed} (mod 256) at {@code address}. */
    public static FirmwareImage counting(long address, int length, int seed) {
        return FirmwareImage.binary(address, countingBytes(length, seed));
    }

    /** Deterministic pseudo-random bytes, no 0xFF half-words skipped by chance. */
    public static FirmwareImage random(long address, int length, long seed) {
        return FirmwareImage.binary(address, randomBytes(length, seed));
    }

    public static byte[] randomBytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    public static byte[] countingBytes(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed + i);
        }
        return data;
    }

    /** A vector table (SP, reset vector) at the flash base plus a code block two pages further. */
    public static FirmwareImage vectorTableAndCode(int pageSize) {
        byte[] vectors = {0x00, 0x50, 0x00, 0x20, 0x01, 0x01, 0x00, 0x08};
        return FirmwareImage.of(List.of(new ImageSegment(FLASH_BASE, vectors),
                new ImageSegment(FLASH_BASE + 2L * pageSize + 6, countingBytes(100, 7))));
    }
}
