package io.blueflash.sim.stlink.server;

/**
 * What the stlink-server tells about the one ST-Link it serves ("device info", TDeviceInfo2):
 * USB VID/PID (facts §D.1: 0x0483, V2 0x3748, V2-1 0x374B, V3 0x374F) and a serial of at most
 * 32 ASCII characters. OpenOCD's {@code interface/stlink.cfg} only opens a device whose VID:PID it lists.
 */
public record StLinkServerDevice(int vid, int pid, String serial) {

    public static final int SERIAL_SIZE = 32;

    public StLinkServerDevice {
        if (serial == null) {
            throw new IllegalArgumentException("'serial' must not be null");
        }
        if (serial.length() > SERIAL_SIZE || !serial.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("'serial' must be at most 32 printable ASCII characters: " + serial);
        }
        if ((vid & ~0xFFFF) != 0 || (pid & ~0xFFFF) != 0) {
            throw new IllegalArgumentException(String.format("'vid'/'pid' must be 16-bit: %X:%X", vid, pid));
        }
    }

    /** An ST-Link/V2 (PID 0x3748) with a fixed, readable serial. */
    public static StLinkServerDevice stLinkV2(String serial) {
        return new StLinkServerDevice(0x0483, 0x3748, serial);
    }
}
