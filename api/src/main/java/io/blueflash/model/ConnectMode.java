package io.blueflash.model;

/** How to attach to the target (st-flash's {@code --connect-under-reset} / {@code --hot-plug}). */
public enum ConnectMode {
    /** Attach, then reset and halt the core (st-flash default). */
    NORMAL,
    /** Hold NRST low while entering SWD, then halt (facts §C.6): for firmware that disables SWD. */
    UNDER_RESET,
    /** Attach without resetting or halting the running firmware. */
    HOT_PLUG
}
