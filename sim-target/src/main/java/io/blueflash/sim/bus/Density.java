package io.blueflash.sim.bus;

/**
 * STM32F1 density lines (facts §A.2): page size, DEV_ID, how many pages one WRPR bit covers,
 * where the ROM bootloader lives.
 */
public enum Density {
    /** Medium density, DEV_ID 0x410: 1 KB pages, each WRPR bit covers 4 pages. */
    MEDIUM(0x410, 1024, 4, 0x1FFF_F000, 2048),
    /** High density, DEV_ID 0x414: 2 KB pages, WRPR bits 0–30 cover 2 pages, bit 31 the rest. */
    HIGH(0x414, 2048, 2, 0x1FFF_F000, 2048),
    /** XL density, DEV_ID 0x430: dual bank (bank 2 at 0x0808_0000, registers at +0x40), 2 KB pages. */
    XL(0x430, 2048, 2, 0x1FFF_E000, 6144);

    private final int devId;
    private final int pageSize;
    private final int pagesPerWrpBit;
    private final int systemMemoryBase;
    private final int systemMemorySize;

    Density(int devId, int pageSize, int pagesPerWrpBit, int systemMemoryBase, int systemMemorySize) {
        this.devId = devId;
        this.pageSize = pageSize;
        this.pagesPerWrpBit = pagesPerWrpBit;
        this.systemMemoryBase = systemMemoryBase;
        this.systemMemorySize = systemMemorySize;
    }

    public int devId() {
        return devId;
    }

    public int pageSize() {
        return pageSize;
    }

    public int pagesPerWrpBit() {
        return pagesPerWrpBit;
    }

    /** True when WRPR bit 31 covers every page beyond the first 31 blocks (HD/XL/CL, facts §B.7). */
    public boolean lastWrpBitCoversRest() {
        return this != MEDIUM;
    }

    public int systemMemoryBase() {
        return systemMemoryBase;
    }

    public int systemMemorySize() {
        return systemMemorySize;
    }

    public boolean dualBank() {
        return this == XL;
    }
}
