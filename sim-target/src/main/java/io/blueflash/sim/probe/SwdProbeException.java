package io.blueflash.sim.probe;

/**
 * The target did not answer as SWD requires. The engine throws the subclasses
 * {@link SwdNoResponseException} (line reset needed), {@link SwdWaitTimeoutException} (WAIT for too
 * long) and {@link ApFaultException} (FAULT); this type itself for protocol-level failures such as a
 * debug power-up that is never acknowledged.
 */
public class SwdProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SwdProbeException(String message) {
        super(message);
    }
}
