package io.blueflash.port.in;

/** How to reset the target (facts §C.6). */
public enum ResetKind {
    /** {@link #HARD} when the probe drives NRST, otherwise {@link #SOFT}. */
    AUTO,
    /** AIRCR.SYSRESETREQ through the debug port: resets core and peripherals, not the debug logic. */
    SOFT,
    /** Pulses NRST: a full system reset, as the reset button; needs a probe with a reset line. */
    HARD
}
