package io.blueflash.flash;

import io.blueflash.model.FlashGeometry;
import io.blueflash.port.out.TargetConnection;

/**
 * One chip family's flash (STM32F1 ...): chooses, from what a connection offers, which of its
 * drivers to use. The chip catalog names each chip's family; a new family is a new package with
 * one of these, and rows in the catalog.
 *
 * <p>Order of choice a family follows (OpenOCD's, facts §D.7): the far end's own flash commands
 * when it has them; then, once a family has one, a flash loader run from SRAM on the core (needs
 * {@code CORE_CONTROL} and SRAM), with the register path as its fallback; else the flash
 * controller's registers over memory access.
 */
public interface FlashFamily {

    /** For notes: "STM32F1". */
    String name();

    /**
     * @throws FlashException when the connection can neither program natively nor access memory
     */
    FlashDriver driver(TargetConnection connection, FlashGeometry geometry, DriverChoice choice);
}
