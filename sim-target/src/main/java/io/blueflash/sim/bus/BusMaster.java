package io.blueflash.sim.bus;

/** Who drives an AHB access: firmware on the core, or a debugger through the AHB-AP (facts §C.4). */
public enum BusMaster {
    CPU, DEBUG
}
