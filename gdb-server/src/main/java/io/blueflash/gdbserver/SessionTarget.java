package io.blueflash.gdbserver;

import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;

/**
 * What a gdb session works on: the held connection's run control and bus, the use cases over it
 * (reached through {@code selector}), the chip's memory map, and whether the target is simulated
 * (a simulated core advances only while it is polled, so the run loop polls without pausing).
 */
record SessionTarget(CoreControl core, MemoryAccess memory, FlashUseCases useCases, ProbeSelector selector,
                     MemoryMap map, boolean simulated) {
}
