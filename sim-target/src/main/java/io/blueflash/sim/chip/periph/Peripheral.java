package io.blueflash.sim.chip.periph;

import io.blueflash.sim.bus.BusDevice;

/** One run-time peripheral on the bus: registers plus the state a system reset puts back (RM0008 §7.1.1). */
public interface Peripheral extends BusDevice {

    /** Back to the reset values, as after a system reset or a pulse of its bit in RCC_APBxRSTR. */
    void reset();
}
