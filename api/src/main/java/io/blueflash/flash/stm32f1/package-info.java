/**
 * The STM32F1 flash program/erase controller (FPEC, facts §B) driven register by register over
 * {@link io.blueflash.port.out.MemoryAccess}.
 */
package io.blueflash.flash.stm32f1;
