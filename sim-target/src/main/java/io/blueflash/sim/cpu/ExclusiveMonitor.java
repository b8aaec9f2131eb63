package io.blueflash.sim.cpu;

/**
 * The Cortex-M3's local exclusive monitor (Cortex-M3 TRM §3.6): it keeps no address tag, so a
 * STREX succeeds iff an LDREX came since the last CLREX, STREX or exception entry/return, and
 * the monitor is open again afterwards either way.
 */
public final class ExclusiveMonitor {

    private boolean exclusive;

    /** LDREX*: open → exclusive. */
    public void mark() {
        exclusive = true;
    }

    /** STREX*: whether the store may happen; the monitor opens. */
    public boolean checkAndClear() {
        boolean was = exclusive;
        exclusive = false;
        return was;
    }

    /** CLREX, exception entry and return, reset. */
    public void clear() {
        exclusive = false;
    }
}
