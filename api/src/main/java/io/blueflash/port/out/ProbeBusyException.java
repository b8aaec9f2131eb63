package io.blueflash.port.out;

import java.util.Optional;

/**
 * Another process (or another session of this one) holds the probe: a claimed USB interface
 * (LIBUSB_ERROR_BUSY), a serial port opened elsewhere, or the simulator's locked state file. A probe
 * serves one session at a time; nothing on the target was touched.
 */
public class ProbeBusyException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    private final String holder;

    /**
     * @param message what is busy, for the user
     * @param holder  who holds it (e.g. "pid 4711: blueflash sim serve ..."), or null when unknown
     */
    public ProbeBusyException(String message, String holder) {
        super(message);
        this.holder = holder;
    }

    public ProbeBusyException(String message, String holder, Throwable cause) {
        super(message, cause);
        this.holder = holder;
    }

    /** Who holds the probe, when the transport can tell. */
    public Optional<String> holder() {
        return Optional.ofNullable(holder).filter(h -> !h.isBlank());
    }
}
