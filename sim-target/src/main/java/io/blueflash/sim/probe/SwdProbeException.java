package io.blueflash.sim.probe;

/** The target did not answer as SWD requires: no response (line reset needed), or WAIT for too long. */
public class SwdProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SwdProbeException(String message) {
        super(message);
    }
}
