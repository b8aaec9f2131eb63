package io.blueflash.port.out;

/** The DP kept answering WAIT beyond the retry budget (facts §C.1: BMP gives up after 250 ms). */
public class DapWaitTimeoutException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public DapWaitTimeoutException(String message) {
        super(message);
    }
}
