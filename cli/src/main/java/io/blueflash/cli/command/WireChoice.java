package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;

import java.util.Optional;

/**
 * Applies {@code --protocol swd|jtag} to one probe's connect options. An ST-Link (over USB or through an
 * stlink-server) attaches over either wire, and so does a Black Magic Probe ({@code monitor jtag_scan} instead
 * of {@code swd_scan}); the simulator attaches over SWD only, and the ROM bootloader over neither (its
 * USART, AN3155). A wire the probe cannot use is refused with
 * the way out, never ignored: a board wired only to its JTAG header would otherwise fail to answer
 * with a message about SWD.
 */
final class WireChoice {

    private WireChoice() {
    }

    static ConnectOptions apply(ProbeSelector probe, Optional<WireProtocol> protocol, ConnectOptions options) {
        if (protocol.isEmpty()) {
            return options;
        }
        WireProtocol wire = protocol.get();
        return switch (probe.transport()) {
            case "stlink", "stlink-server" -> options.withTransportOption(ConnectOptions.STLINK_JTAG,
                    Boolean.toString(wire == WireProtocol.JTAG));
            case "sim" -> swdOnly(wire, options, "the simulated probe (--probe " + probe.transport()
                    + ") attaches to the simulated chip over SWD only. To drive the simulated chip over JTAG, serve it "
                    + "behind an emulated ST-Link (blueflash sim serve --stlink-tcp PORT) and use "
                    + "--probe stlink-server:127.0.0.1:PORT --protocol jtag; or drop --protocol jtag");
            case "bmp" -> options.withTransportOption(ConnectOptions.BMP_JTAG, Boolean.toString(wire == WireProtocol.JTAG));
            case "bootloader" -> throw new UsageException("--protocol " + wire.text() + ": the ROM bootloader (--probe "
                    + text(probe) + ") talks to the chip over its USART (AN3155), neither SWD nor JTAG. Drop --protocol, "
                    + "or connect an ST-Link to the SWD or JTAG header (--probe stlink --protocol " + wire.text() + ")");
            default -> swdOnly(wire, options, "probe " + text(probe) + " cannot be asked for JTAG; an "
                    + "ST-Link (--probe stlink[:SERIAL] or --probe stlink-server[:HOST:PORT]) or a Black Magic Probe "
                    + "(--probe bmp:PORT) can. Drop --protocol jtag");
        };
    }

    private static ConnectOptions swdOnly(WireProtocol wire, ConnectOptions options, String why) {
        if (wire == WireProtocol.SWD) {
            return options;
        }
        throw new UsageException("--protocol jtag: " + why);
    }

    private static String text(ProbeSelector probe) {
        return probe.hasArgument() ? probe.transport() + ":" + probe.argument() : probe.transport();
    }
}
