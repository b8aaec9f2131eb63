package io.blueflash.model;

/**
 * Shape of a flash bank as the FPEC sees it (facts §A.2): uniform pages (the erase unit) starting
 * at {@code baseAddress}, programmed in half-words (the program unit), erased to 0xFF.
 *
 * @param baseAddress first byte of flash (0x0800_0000 on STM32F1)
 * @param pageSize    bytes per page: 1 KB on LD/MD, 2 KB on HD/XL/CL
 * @param pageCount   pages in the bank
 * @param programUnit bytes per program operation (2: half-word)
 * @param erasedValue value of an erased byte (0xFF)
 */
public record FlashGeometry(long baseAddress, int pageSize, int pageCount, int programUnit, int erasedValue) {

    public FlashGeometry {
        if (baseAddress < 0 || baseAddress > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("'baseAddress' must be a 32-bit address: " + baseAddress);
        }
        if (pageSize <= 0 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("'pageSize' must be a positive power of two: " + pageSize);
        }
        if (pageCount <= 0) {
            throw new IllegalArgumentException("'pageCount' must be positive: " + pageCount);
        }
        if (programUnit <= 0 || pageSize % programUnit != 0) {
            throw new IllegalArgumentException("'programUnit' must divide the page size: " + programUnit);
        }
        if (erasedValue < 0 || erasedValue > 0xFF) {
            throw new IllegalArgumentException("'erasedValue' must be a byte: " + erasedValue);
        }
    }

    /** STM32F1 geometry: half-word programming, erased 0xFF. */
    public static FlashGeometry stm32f1(long baseAddress, int pageSize, long sizeBytes) {
        return new FlashGeometry(baseAddress, pageSize, Math.toIntExact(sizeBytes / pageSize), 2, 0xFF);
    }

    public long sizeBytes() {
        return (long) pageSize * pageCount;
    }

    /** One past the last flash byte. */
    public long endAddress() {
        return baseAddress + sizeBytes();
    }

    public boolean contains(long address) {
        return address >= baseAddress && address < endAddress();
    }

    /** True when [start, start+length) lies entirely in flash. */
    public boolean contains(long start, long length) {
        return start >= baseAddress && length >= 0 && start + length <= endAddress();
    }

    public int pageIndexOf(long address) {
        if (!contains(address)) {
            throw new IllegalArgumentException(String.format("0x%08X is outside flash [0x%08X, 0x%08X)",
                    address, baseAddress, endAddress()));
        }
        return (int) ((address - baseAddress) / pageSize);
    }

    public long pageAddress(int pageIndex) {
        if (pageIndex < 0 || pageIndex >= pageCount) {
            throw new IllegalArgumentException("page index out of range: " + pageIndex);
        }
        return baseAddress + (long) pageIndex * pageSize;
    }
}
