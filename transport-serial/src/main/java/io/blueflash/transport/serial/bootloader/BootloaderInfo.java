package io.blueflash.transport.serial.bootloader;

import java.util.Arrays;

/**
 * What GET and GET ID report (facts §E.3).
 *
 * @param version    bootloader version byte, 0x22 = V2.2
 * @param commands   supported command codes in the order reported
 * @param productId  PID from GET ID (0x410 for medium density): the DBGMCU_IDCODE DEV_ID
 */
public record BootloaderInfo(int version, byte[] commands, int productId) {

    public BootloaderInfo {
        commands = commands.clone();
    }

    @Override
    public byte[] commands() {
        return commands.clone();
    }

    public boolean supports(int command) {
        for (byte c : commands) {
            if ((c & 0xFF) == command) {
                return true;
            }
        }
        return false;
    }

    /** "V2.2". */
    public String versionText() {
        return "V" + (version >> 4) + "." + (version & 0xF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootloaderInfo b && b.version == version && b.productId == productId
                && Arrays.equals(b.commands, commands);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * version + productId) + Arrays.hashCode(commands);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (byte c : commands) {
            sb.append(String.format(" %02X", c & 0xFF));
        }
        return String.format("bootloader %s, PID 0x%03X, commands%s", versionText(), productId, sb);
    }
}
