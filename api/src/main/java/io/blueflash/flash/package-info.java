/**
 * Flash planning and programming, independent of any probe: the pure {@link io.blueflash.flash.FlashPlanner},
 * the {@link io.blueflash.flash.FlashAlgorithm} strategy and its selection by target capability,
 * and the flash error family ({@link io.blueflash.flash.FlashException}).
 */
package io.blueflash.flash;
