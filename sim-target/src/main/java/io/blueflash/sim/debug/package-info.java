/**
 * The debug side of the simulated STM32F103 (facts §C): the SW-DP at transaction level
 * ({@link io.blueflash.sim.debug.SwDebugPort}) and bit by bit ({@link io.blueflash.sim.debug.SwdLine}),
 * the AHB-AP, the Cortex-M3 halting-debug registers and the ROM table. JDK only.
 */
package io.blueflash.sim.debug;
