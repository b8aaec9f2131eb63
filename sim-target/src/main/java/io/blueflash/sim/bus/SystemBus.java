package io.blueflash.sim.bus;

/**
 * The chip's AHB as one bus master sees it. Sizes are 1, 2 or 4 bytes; values are
 * zero-extended; errors are {@link BusFaultException}. Accesses to flash while the FPEC is busy
 * stall, and the stall is time on the {@link SimClock} (facts §B.4).
 */
public interface SystemBus {

    int read(int address, int size);

    void write(int address, int size, int value);
}
