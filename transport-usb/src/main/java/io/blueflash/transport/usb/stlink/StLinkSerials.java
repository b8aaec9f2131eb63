package io.blueflash.transport.usb.stlink;

import java.util.HexFormat;

/**
 * Turns the raw USB string descriptor of an ST-Link's serial number into text (facts §D.1):
 * genuine probes send 24 printable characters; many V2 clones send 12 binary bytes (a 26-byte
 * descriptor), which are hex-encoded as stlink does so that they can be typed on a command line.
 */
public final class StLinkSerials {

    private StLinkSerials() {
    }

    /**
     * @param descriptor the whole string descriptor: bLength, bDescriptorType (3), UTF-16LE code units
     */
    public static String fromStringDescriptor(byte[] descriptor) {
        if (descriptor.length < 2) {
            return "";
        }
        int length = Math.min(descriptor[0] & 0xFF, descriptor.length);
        int units = Math.max(0, (length - 2) / 2);
        char[] chars = new char[units];
        boolean printable = true;
        for (int i = 0; i < units; i++) {
            chars[i] = (char) ((descriptor[2 + 2 * i] & 0xFF) | (descriptor[3 + 2 * i] & 0xFF) << 8);
            printable &= chars[i] >= 0x21 && chars[i] <= 0x7E;
        }
        if (printable) {
            return new String(chars);
        }
        byte[] raw = new byte[units];
        for (int i = 0; i < units; i++) {
            raw[i] = (byte) chars[i];
        }
        return HexFormat.of().withUpperCase().formatHex(raw);
    }
}
