package io.blueflash.port.out;

/** The DP answered FAULT: a sticky error is set (facts §C.2) and must be cleared with ABORT. */
public class DapFaultException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public DapFaultException(String message) {
        super(message);
    }
}
