package io.blueflash.flash.stm32f1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The assembled bytes of blueflash's STM32F1 SRAM flash loader ({@code api/src/main/loader/
 * stm32f1-sram-loader.S}, kept as a resource so that api needs no cross compiler; a test rebuilds it
 * with GNU as and requires the same bytes). Two routines, entered with the core halted: programming
 * from two SRAM buffers at {@link #PROGRAM_ENTRY}, page CRCs at {@link #CRC_ENTRY}; both end on BKPT.
 */
final class SramLoaderImage {

    /** Resource name beside this class. */
    static final String RESOURCE = "stm32f1-sram-loader.bin";
    /** Offset of the programming routine (r0 control block, r1 buffer 0, r2 buffer size, r3 FPEC base). */
    static final int PROGRAM_ENTRY = 0;
    /** Offset of the CRC routine (r0 page addresses, replaced by CRCs; r1 count; r2 page size). */
    static final int CRC_ENTRY = 4;

    private static final byte[] BYTES = load();

    private SramLoaderImage() {
    }

    /** The code, padded with zeros to whole words (it is written with 32-bit accesses). */
    static byte[] bytes() {
        return BYTES.clone();
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
