package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkNoReplyException;
import java.util.OptionalLong;

/**
 * Host protocol → bytes → {@link StLinkEmulator} → simulated chip, in one process. Can make the
 * probe vanish after a number of commands, as an unplugged probe does (libusb NO_DEVICE).
 */
final class EmulatedStLinkChannel implements StLinkChannel {

    private final StLinkEmulator emulator;
    private final Stm32F103 chip;
    private long commands;
    private long vanishAfter = -1;
    boolean closed;

    EmulatedStLinkChannel(StLinkEmulator emulator, Stm32F103 chip) {
        this.emulator = emulator;
        this.chip = chip;
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
        try {
            return emulator.transfer(command16, dataOut, replyLength);
        } catch (StLinkNoReplyException e) {
            throw new TargetCommunicationException("USB: cannot read the reply (LIBUSB_ERROR_TIMEOUT): " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong simulatedNanos() {
        return OptionalLong.of(chip.clock().nanos());
    }

    @Override
    public void close() {
        closed = true;
    }
}
