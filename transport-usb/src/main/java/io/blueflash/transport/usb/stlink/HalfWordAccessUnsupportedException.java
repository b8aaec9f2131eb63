package io.blueflash.transport.usb.stlink;

import io.blueflash.port.out.TargetCommunicationException;

/**
 * The probe firmware predates 16-bit memory commands (J26, facts §D.5). The STM32F1 flash
 * controller accepts only half-word writes while programming (facts §B.4), so flash cannot be
 * written through this probe's memory commands.
 */
public class HalfWordAccessUnsupportedException extends TargetCommunicationException {

    private static final long serialVersionUID = 1L;

    public HalfWordAccessUnsupportedException(StLinkVersion version, int address, boolean write) {
        super(String.format("ST-Link firmware %s cannot make 16-bit %s (at 0x%08X): they need firmware V2J26 or later."
                + " The STM32F1 flash controller only accepts half-word writes, so flash cannot be programmed"
                + " through this probe. Fix: upgrade the probe firmware with ST's ST-LinkUpgrade (STSW-LINK007);"
                + " a RAM flash-loader path that avoids 16-bit probe writes is future work.",
                version.label(), write ? "memory writes" : "memory reads", address));
    }
}
