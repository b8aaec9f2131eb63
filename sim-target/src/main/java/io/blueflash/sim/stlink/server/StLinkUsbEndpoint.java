package io.blueflash.sim.stlink.server;

/**
 * One USB command exchange with an ST-Link, as the stlink-server forwards it: the 16-byte command
 * block, the data written after it (or null) and the number of bytes the host reads back. The
 * emulator's {@code StLinkEmulator::transfer} (CONTRACTS C6) fits as a method reference.
 */
@FunctionalInterface
public interface StLinkUsbEndpoint {

    byte[] transfer(byte[] command16, byte[] dataOut, int replyLength);
}
