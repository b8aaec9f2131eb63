package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;

import java.util.Locale;

/**
 * The debug wire to the target, {@code --protocol swd|jtag}: the STM32F1's SWJ-DP answers on either,
 * as an SW-DP on SWDIO/SWCLK or as a JTAG-DP on the JTAG header's TMS/TCK/TDI/TDO (ADIv5).
 */
public enum WireProtocol {
    SWD,
    JTAG;

    /** The word on the command line. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code swd} or {@code jtag}, in any case. */
    public static WireProtocol parse(String text) {
        for (WireProtocol protocol : values()) {
            if (protocol.text().equalsIgnoreCase(text.trim())) {
                return protocol;
            }
        }
        throw new UsageException("--protocol: swd or jtag, got '" + text + "'");
    }
}
