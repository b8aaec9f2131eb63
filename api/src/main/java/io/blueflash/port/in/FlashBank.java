package io.blueflash.port.in;

/**
 * A flash bank of a {@link FlashMap}: the pages one flash controller bank serves (XL-density
 * STM32F1 parts have two, RM0008 §3.3.3).
 *
 * @param number    1 or 2
 * @param start     first byte
 * @param end       one past the last byte
 * @param firstPage index of its first page
 * @param pageCount pages in it
 */
public record FlashBank(int number, long start, long end, int firstPage, int pageCount) {

    public FlashBank {
        if (number < 1 || end <= start || pageCount <= 0 || firstPage < 0) {
            throw new IllegalArgumentException(String.format("bank %d [0x%08X, 0x%08X) with %d pages is not a bank",
                    number, start, end, pageCount));
        }
    }
}
