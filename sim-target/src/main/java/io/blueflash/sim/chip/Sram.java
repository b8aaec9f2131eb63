package io.blueflash.sim.chip;

import io.blueflash.sim.bus.BusDevice;
import io.blueflash.sim.bus.BusMaster;
import io.blueflash.sim.cpu.CellWrites;

/** SRAM at 0x2000_0000: any width, no wait states, contents undefined after power-up (zeros here). */
final class Sram implements BusDevice {

    private final byte[] cells;
    /** The executing core's decode cache, told of every write that does not come from the core itself. */
    private CellWrites observer;

    Sram(int size) {
        cells = new byte[size];
    }

    @Override
    public int read(int offset, int size, BusMaster master) {
        int value = 0;
        for (int i = 0; i < size; i++) {
            value |= (cells[offset + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    @Override
    public void write(int offset, int size, int value, BusMaster master) {
        for (int i = 0; i < size; i++) {
            cells[offset + i] = (byte) (value >>> (8 * i));
        }
        if (observer != null) {
            observer.sramWritten(offset, size);
        }
    }

    void observeWrites(CellWrites observer) {
        this.observer = observer;
    }

    /** The cells themselves, for the executing core's direct path (CpuPorts). */
    byte[] cells() {
        return cells;
    }

    void clear() {
        java.util.Arrays.fill(cells, (byte) 0);
        if (observer != null) {
            observer.sramWritten(0, cells.length);
        }
    }
}
