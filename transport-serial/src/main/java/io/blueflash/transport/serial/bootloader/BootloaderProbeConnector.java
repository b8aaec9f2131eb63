package io.blueflash.transport.serial.bootloader;

import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.serial.line.JsscSerialLine;
import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialPorts;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.SysfsSerialPorts;
import io.blueflash.transport.serial.line.UsbSerialPortInfo;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * {@code --probe bootloader:PORT}: the STM32 ROM bootloader on a serial port (AN3155, facts §E).
 *
 * <p>The line defaults to 115200 baud, 8E1; transport options {@code baud} and {@code parity}
 * override them (pseudo-terminals need {@code parity=none}, conformance.md). Timeouts are
 * stm32flash's (facts §E.3).
 */
public final class BootloaderProbeConnector implements ProbeConnector {

    public static final String TRANSPORT = "bootloader";
    /** Tries per command before a NACK or silence is reported (stm32flash retries too). */
    public static final int ATTEMPTS = 3;
    public static final SerialSettings DEFAULT_SETTINGS = SerialSettings.eightEvenOne(115200);

    private final BiFunction<String, SerialSettings, SerialLine> opener;
    private final BootloaderTimeouts timeouts;

    public BootloaderProbeConnector() {
        this(JsscSerialLine::open, BootloaderTimeouts.defaults());
    }

    /** With another way to open ports (tests, serial-over-TCP) and other timeouts. */
    public BootloaderProbeConnector(BiFunction<String, SerialSettings, SerialLine> opener, BootloaderTimeouts timeouts) {
        this.opener = Objects.requireNonNull(opener, "'opener' must not be null");
        this.timeouts = Objects.requireNonNull(timeouts, "'timeouts' must not be null");
    }

    @Override
    public String transportName() {
        return TRANSPORT;
    }

    /**
     * USB serial ports present now. They are not probed (that would send 0x7F to whatever is
     * attached), so each is a candidate: a bootloader answers there only with BOOT0=1.
     */
    @Override
    public List<ProbeDescriptor> listProbes() {
        SysfsSerialPorts sysfs = new SysfsSerialPorts();
        return SerialPorts.usbSerialPorts().stream()
                .map(port -> new ProbeDescriptor(TRANSPORT, port, "USB serial port"
                        + sysfs.describe(port).map(UsbSerialPortInfo::describe).map(usb -> ", " + usb).orElse("")
                        + " (not probed; an STM32 ROM bootloader answers here when BOOT0=1)"))
                .toList();
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        Objects.requireNonNull(selector, "'selector' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        if (!selector.hasArgument()) {
            throw new ProbeNotFoundException("name the serial port of the bootloader: --probe bootloader:/dev/ttyUSB0"
                    + " (ports seen now: " + SerialPorts.usbSerialPorts() + ")");
        }
        if (options.mode() != ConnectMode.NORMAL) {
            options.trace().trace("uart", -1, "connect mode " + options.mode() + " does not apply to the ROM"
                    + " bootloader (no reset line): reset the board with BOOT0=1 before connecting");
        }
        SerialSettings settings = DEFAULT_SETTINGS.overriddenBy(options);
        SerialLine line = opener.apply(selector.argument(), settings);
        return BootloaderTargetConnection.open(line, timeouts, ATTEMPTS, options.trace());
    }
}
