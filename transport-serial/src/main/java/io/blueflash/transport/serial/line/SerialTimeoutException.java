package io.blueflash.transport.serial.line;

import java.time.Duration;

/** Fewer bytes than asked for arrived before the timeout: nothing (or nothing more) answers. */
public class SerialTimeoutException extends SerialLineException {

    private static final long serialVersionUID = 1L;

    private final int expected;
    private final int received;

    public SerialTimeoutException(String portName, int expected, int received, Duration timeout) {
        super(String.format("no answer on %s: got %d of %d byte(s) within %d ms", portName, received, expected,
                timeout.toMillis()));
        this.expected = expected;
        this.received = received;
    }

    public int expected() {
        return expected;
    }

    public int received() {
        return received;
    }
}
