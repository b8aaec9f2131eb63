package io.blueflash.sim.probe;

/**
 * Nothing answered the request (ACK 0b111, facts §C.1): the target is unpowered, not connected, or
 * its DP wants a line reset and a DPIDR read first.
 */
public final class SwdNoResponseException extends SwdProbeException {

    private static final long serialVersionUID = 1L;

    public SwdNoResponseException(String message) {
        super(message);
    }
}
