package io.blueflash.sim.bootloader;

/**
 * The host's side of the UART: the baud rate its serial port is set to now. A pty carries no line
 * rate, so whoever knows it says it ({@code sim serve --baud}, the control channel, a client's
 * {@code tcsetattr} seen by the modem-line shim). The bootloader compares it with the rate it locked
 * to at its 0x7F (AN3155 §2: auto-baud, then that rate until reset). Shared between threads.
 */
public final class HostLine {

    /** The rates the USART bootloader auto-detects (AN3155 §2, AN2606 "USART" bootloader). */
    public static final int MIN_SPEC_BAUD = 1200;
    public static final int MAX_SPEC_BAUD = 115_200;

    private volatile int baud;

    public HostLine(int baud) {
        setBaud(baud);
    }

    public int baud() {
        return baud;
    }

    public void setBaud(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baud);
        }
        this.baud = baud;
    }

    /** Inside the range AN3155 specifies for the auto-baud. */
    public static boolean withinSpec(int baud) {
        return baud >= MIN_SPEC_BAUD && baud <= MAX_SPEC_BAUD;
    }
}
