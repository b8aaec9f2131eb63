/**
 * What the simulated chip's parts share, below all of them (issue 15): the bus seam
 * ({@link io.blueflash.sim.bus.SystemBus}, {@link io.blueflash.sim.bus.BusDevice}, who drives an access
 * and how it faults), simulated time ({@link io.blueflash.sim.bus.SimClock}), the IRQ lines a
 * peripheral raises towards the NVIC and the density line that sizes the memory map (RM0008 §3.3).
 * The chip ({@code sim.chip}) composes the debug port, the core and the peripherals over these types,
 * so none of those packages needs the chip itself. JDK only.
 */
package io.blueflash.sim.bus;
