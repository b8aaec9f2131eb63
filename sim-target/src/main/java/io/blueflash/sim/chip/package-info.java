/**
 * The simulated STM32F103 silicon (DESIGN §3): {@link io.blueflash.sim.chip.Stm32F103} with its
 * memory map, flash array, option bytes and FPEC ({@link io.blueflash.sim.chip.FlashController},
 * every rule of facts §B with timed BSY), profiles of genuine and clone parts, fault injection, the
 * decoded trace and the state file. JDK only: it models the chip, not our core (ArchUnit rule 8).
 */
package io.blueflash.sim.chip;
