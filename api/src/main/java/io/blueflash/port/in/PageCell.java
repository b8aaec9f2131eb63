package io.blueflash.port.in;

import java.util.Objects;

/**
 * One page of a {@link FlashMap}.
 *
 * @param index          page number, counted from the flash base across banks
 * @param address        first byte of the page
 * @param size           bytes in the page
 * @param bank           the flash bank that serves it (1, or 2 on dual-bank parts)
 * @param fate           what the operation did to it
 * @param imageBytes     bytes of the page the image covers
 * @param keptBytes      bytes outside the image that held data and were written back unchanged
 *                       (the page was erased or programmed around the image)
 * @param writeProtected whether its write-protection block is protected (FLASH_WRPR); false when
 *                       protection was not read
 * @param readProtected  whether read-out protection covers it
 */
public record PageCell(int index, long address, int size, int bank, PageFate fate, int imageBytes, int keptBytes,
                       boolean writeProtected, boolean readProtected) {

    public PageCell {
        Objects.requireNonNull(fate, "'fate' must not be null");
        if (size <= 0 || imageBytes < 0 || keptBytes < 0 || imageBytes + keptBytes > size) {
            throw new IllegalArgumentException(String.format(
                    "page %d: image bytes %d and kept bytes %d must fit its %d bytes", index, imageBytes, keptBytes, size));
        }
    }

    /** One past the last byte. */
    public long end() {
        return address + size;
    }
}
