package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.TargetCommunicationException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A {@link StLinkChannel} to a probe living in the same process: the simulator's ST-Link
 * emulator for the CLI benchmark, the conformance server and tests, without this module
 * depending on the simulator ({@code new InProcessStLinkChannel(emulator::transfer, chip.clock()::nanos)}).
 * A failure of the far end (an emulator that would not answer) becomes the same
 * {@link TargetCommunicationException} a USB timeout gives.
 */
public final class InProcessStLinkChannel implements StLinkChannel {

    /** One command exchange, the shape of {@code StLinkEmulator.transfer} (CONTRACTS C6). */
    @FunctionalInterface
    public interface Endpoint {
        byte[] transfer(byte[] command16, byte[] dataOut, int replyLength);
    }

    private final Endpoint endpoint;
    private final LongSupplier simulatedClock;
    private boolean closed;

    /**
     * @param endpoint       the far end
     * @param simulatedClock nanoseconds of simulated time, or null when the far end has no clock
     */
    public InProcessStLinkChannel(Endpoint endpoint, LongSupplier simulatedClock) {
        this.endpoint = Objects.requireNonNull(endpoint, "'endpoint' must not be null");
        this.simulatedClock = simulatedClock;
    }

    @Override
    public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
        if (closed) {
            throw new TargetCommunicationException("ST-Link channel is closed");
        }
        try {
            return endpoint.transfer(command16, dataOut, replyLength);
        } catch (TargetCommunicationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TargetCommunicationException(String.format(
                    "ST-Link did not answer command %02X %02X (%s)", command16[0], command16[1], e.getMessage()), e);
        }
    }

    @Override
    public OptionalLong simulatedNanos() {
        return simulatedClock == null ? OptionalLong.empty() : OptionalLong.of(simulatedClock.getAsLong());
    }

    @Override
    public void close() {
        closed = true;
    }
}
