package io.blueflash.model;

/**
 * Who drives the flash controller during a write, when the connection offers a choice (issue 14).
 */
public enum FlashMethod {
    /** A flash loader run from SRAM when the connection can run code on the core, otherwise the registers. */
    AUTO,
    /**
     * A flash loader copied to SRAM and run on the target's core: it polls BSY there, so the probe
     * only streams data. Falls back to {@link #REGISTERS} when the connection has no core control.
     */
    SRAM_LOADER,
    /** The flash controller's registers driven from the host over memory access, access by access. */
    REGISTERS
}
