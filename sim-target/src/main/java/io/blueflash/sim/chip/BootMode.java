package io.blueflash.sim.chip;

/**
 * What the BOOT0/BOOT1 pins select at reset (what 0x0000_0000 aliases). Read-out protection
 * (facts §B.6) blocks main-flash access whenever the chip did not boot from main flash.
 */
public enum BootMode {
    MAIN_FLASH, SYSTEM_MEMORY, SRAM
}
