package io.blueflash.sim.cpu;

/**
 * Told by the chip whenever SRAM or main-flash cells change by any way other than the core's own
 * direct stores (debugger writes through the AHB-AP, the FPEC's programming and erase, a power-on,
 * a restored state), so the core's decode caches never run stale instructions. Offsets are from the
 * start of the memory (0x2000_0000 for SRAM, 0x0800_0000 for flash).
 */
public interface CellWrites {

    void sramWritten(int offset, int length);

    void flashWritten(int offset, int length);
}
