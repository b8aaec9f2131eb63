package io.blueflash.transport.usb.stlink;

import java.util.OptionalLong;

/**
 * The byte seam between the ST-Link protocol and the wire (facts §D.2): one 16-byte command block
 * out, an optional data phase out (memory writes), a reply of known length in. The libusb class
 * implements it for real probes; tests and the simulator plug an emulator in behind it.
 *
 * <p>A probe that vanishes or stops answering is a
 * {@link io.blueflash.port.out.TargetCommunicationException} whose message says so.
 */
public interface StLinkChannel extends AutoCloseable {

    /**
     * Sends one command.
     *
     * @param command16   exactly 16 bytes (zero padded)
     * @param dataOut     bytes of the data phase, or null when the command has none
     * @param replyLength bytes to read back; 0 when the command has no reply
     * @return the reply, exactly {@code replyLength} bytes
     */
    byte[] transfer(byte[] command16, byte[] dataOut, int replyLength);

    /**
     * Nanoseconds on the simulated clock when the far end is an emulator; empty for real USB.
     * Lets a connection report simulated time (DESIGN §3) without knowing about the simulator.
     */
    default OptionalLong simulatedNanos() {
        return OptionalLong.empty();
    }

    /** Releases the interface and the device; never throws. */
    @Override
    void close();
}
