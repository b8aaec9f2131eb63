package io.blueflash.flash.stm32f1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The assembled bytes of blueflash's STM32F1 SRAM flash loader ({@code api/src/main/loader/
 * stm32f1-sram-loader.S}, kept as a resource so that api needs no cross compiler; a test rebuilds it
 * with GNU as and requires the same bytes, at these offsets). Two routines, entered with the core
 * halted: page CRCs at {@link #CRC_ENTRY} with their control block at {@link #CRC_CONTROL}, programming
 * from two SRAM buffers at {@link #PROGRAM_ENTRY} with its control block after the image; both end on
 * BKPT. Each routine and its control block are one contiguous run of SRAM, sent only when a session
 * runs that routine ({@link #crcRoutine(byte[])}, {@link #programRoutine(byte[])}).
 */
final class SramLoaderImage {

    /** Resource name beside this class. */
    static final String RESOURCE = "stm32f1-sram-loader.bin";
    /** Offset of the CRC routine (label crc_pages). */
    static final int CRC_ENTRY = 0;
    /** Offset of the CRC routine's control block (label crc_control), right after its code. */
    static final int CRC_CONTROL = 0x140;
    /** Runs of pages the CRC routine's control block holds after its 48 bytes (CRC_RUNS in the source). */
    static final int CRC_RUNS = 8;
    /** Offset of the programming routine (label program), after the CRC routine's control block. */
    static final int PROGRAM_ENTRY = 0x1B0;

    private static final byte[] BYTES = load();

    private SramLoaderImage() {
    }

    /** The code, padded with zeros to whole words (it is written with 32-bit accesses). */
    static byte[] bytes() {
        return BYTES.clone();
    }

    /** The CRC routine's code in {@code image} (this layout): the image up to its control block. */
    static byte[] crcRoutine(byte[] image) {
        return Arrays.copyOfRange(image, CRC_ENTRY, Math.min(image.length, CRC_CONTROL));
    }

    /** The programming routine's code in {@code image} (this layout): from its entry to the image's end. */
    static byte[] programRoutine(byte[] image) {
        return Arrays.copyOfRange(image, PROGRAM_ENTRY, image.length);
    }

    private static byte[] load() {
        try (InputStream in = SramLoaderImage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the api jar");
            }
            byte[] code = in.readAllBytes();
            return Arrays.copyOf(code, (code.length + 3) & ~3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
