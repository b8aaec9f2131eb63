/**
 * Flash planning and programming, independent of any probe and of any chip family: the pure
 * {@link io.blueflash.flash.FlashPlanner}, the {@link io.blueflash.flash.FlashDriver} a family offers
 * (erase, program, read and write protection, option bytes; cf. OpenOCD {@code struct flash_driver}),
 * the {@link io.blueflash.flash.FlashFamily} that chooses a driver from a connection's capabilities,
 * and the flash error family ({@link io.blueflash.flash.FlashException}). Families live in subpackages
 * ({@code flash.stm32f1}); nothing here names one (ArchUnit).
 */
package io.blueflash.flash;
