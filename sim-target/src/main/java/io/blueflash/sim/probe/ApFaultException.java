package io.blueflash.sim.probe;

/**
 * The DP answered FAULT because an AP access failed on the bus (facts §C.2): unmapped address,
 * read-protected flash, wrong-width flash write. Sticky errors were already cleared with ABORT.
 */
public final class ApFaultException extends SwdProbeException {

    private static final long serialVersionUID = 1L;

    private final int address;

    public ApFaultException(int address, String message) {
        super(message);
        this.address = address;
    }

    /** The bus address of the failed access (as an unsigned 32-bit value in an int). */
    public int address() {
        return address;
    }
}
