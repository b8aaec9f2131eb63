package io.blueflash.debug.cortexm;

import io.blueflash.port.out.MemoryAccess;
import java.util.Objects;

/**
 * 32-bit access to the Cortex-M debug registers of the SCS (DHCSR, DEMCR, DFSR, AIRCR, DCRSR,
 * DCRDR; DDI0403E C1.6). A probe with commands of its own for them (ST-Link READDEBUGREG /
 * WRITEDEBUGREG) passes those; any other passes its {@link MemoryAccess} ({@link #over}). A bus
 * fault must surface as {@code MemoryFaultException}, as it does from {@code MemoryAccess}: the
 * run control tolerates them while a system reset is in progress.
 */
public interface DebugRegisters {

    int read(int address);

    void write(int address, int value);

    /** The registers through plain memory reads and writes. */
    static DebugRegisters over(MemoryAccess memory) {
        Objects.requireNonNull(memory, "'memory' must not be null");
        return new DebugRegisters() {
            @Override
            public int read(int address) {
                return memory.read32(address);
            }

            @Override
            public void write(int address, int value) {
                memory.write32(address, value);
            }
        };
    }
}
