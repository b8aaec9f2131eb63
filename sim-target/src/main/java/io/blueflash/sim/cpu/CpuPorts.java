package io.blueflash.sim.cpu;

import io.blueflash.sim.bus.SystemBus;

/**
 * What the executing core needs from the chip around it (the chip implements it): the AHB as the
 * CPU master, with every rule of the memory map (FPEC stalls and programming, read-out
 * protection, bus errors), plus direct views of SRAM and main flash so the interpreter's hot loop
 * does not walk the bus for every fetch. The direct views are used only while they would give the
 * same answer as the bus: SRAM while {@link #sramDirectlyAccessible()}, flash only while {@link #flashDirectlyReadable()}.
 */
public interface CpuPorts {

    /** The AHB as the CPU master sees it (timed, traced, every rule applied). */
    SystemBus bus();

    /** SRAM cells at 0x2000_0000 (read and written in place by the core). */
    byte[] sramCells();

    /** Main-flash cells at 0x0800_0000 (read only; the FPEC alone changes them). */
    byte[] flashCells();

    /** True while SRAM can be accessed without the bus (no injected fault applies to it). */
    boolean sramDirectlyAccessible();

    /** True while a CPU read of main flash would neither stall (FPEC idle) nor be refused (read-out protection). */
    boolean flashDirectlyReadable();

    /** What the boot alias at 0x0000_0000 shows now: 0x0800_0000 (main flash), 0x2000_0000 (SRAM) or another base. */
    int bootAliasBase();

    /**
     * Registers the core's decode caches: the chip reports every change of SRAM or main-flash cells
     * that does not come through the core's own direct stores (the core reports those itself).
     */
    void observeCellWrites(CellWrites observer);

    /** AIRCR.SYSRESETREQ: reset the whole chip (called at an instruction boundary). */
    void systemResetRequest();
}
