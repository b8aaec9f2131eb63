package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.stlink.StLinkEmulator;
import java.util.OptionalLong;

/**
 * Host protocol → bytes → {@link StLinkEmulator} → simulated chip, in one process, through the one
 * in-process channel ({@link InProcessStLinkChannel}). Can make the probe vanish after a number of
 * commands, as an unplugged probe does (libusb NO_DEVICE).
 */
final class EmulatedStLinkChannel implements StLinkChannel {

    private final InProcessStLinkChannel channel;
    private long commands;
    private long vanishAfter = -1;
    boolean closed;

    EmulatedStLinkChannel(StLinkEmulator emulator, Stm32F103 chip) {
        this.channel = new InProcessStLinkChannel(emulator::transfer, chip.clock()::nanos);
    }

    /** From now on, the probe answers {@code n} more commands and then is gone. */
    EmulatedStLinkChannel vanishAfter(long n) {
        vanishAfter = commands + n;
        return this;
    }

    long commands() {
        return commands;
    }

    @Override
    public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
        if (vanishAfter >= 0 && commands >= vanishAfter) {
            throw new TargetCommunicationException("USB: cannot send a command (LIBUSB_ERROR_NO_DEVICE):"
                    + " the ST-Link was unplugged or reset");
        }
        commands++;
        return channel.transfer(command16, dataOut, replyLength);
    }

    @Override
    public OptionalLong simulatedNanos() {
        return channel.simulatedNanos();
    }

    @Override
    public void close() {
        closed = true;
        channel.close();
    }
}
