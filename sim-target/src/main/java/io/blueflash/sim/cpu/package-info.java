/**
 * The executing Cortex-M3 core of the simulated STM32F103: the Thumb-2 interpreter
 * ({@link io.blueflash.sim.cpu.ThumbInterpreter}) over the architectural state
 * ({@link io.blueflash.sim.cpu.CoreState}), and the system side (exceptions, NVIC, SysTick, halting
 * debug) that drives it from the chip's {@link io.blueflash.sim.bus.SimClock}. JDK only.
 */
package io.blueflash.sim.cpu;
