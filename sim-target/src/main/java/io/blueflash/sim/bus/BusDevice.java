package io.blueflash.sim.bus;

/**
 * One AHB slave of the memory map. Offsets are relative to the region base; sizes 1, 2 or 4;
 * the region router has already checked alignment. Errors are {@link BusFaultException}s.
 */
public interface BusDevice {

    int read(int offset, int size, BusMaster master);

    void write(int offset, int size, int value, BusMaster master);
}
