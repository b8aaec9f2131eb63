/**
 * The STM32F1 family: {@link io.blueflash.flash.stm32f1.Stm32F1Flash} chooses a driver per connection;
 * the flash program/erase controller (FPEC, facts §B) driven register by register over
 * {@link io.blueflash.port.out.MemoryAccess}, its option bytes, and the clone pacing guard.
 */
package io.blueflash.flash.stm32f1;
