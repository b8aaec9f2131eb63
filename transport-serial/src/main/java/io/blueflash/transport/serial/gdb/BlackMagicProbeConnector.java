package io.blueflash.transport.serial.gdb;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.serial.line.JsscSerialLine;
import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.SysfsSerialPorts;
import io.blueflash.transport.serial.line.UsbSerialPortInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Black Magic Probe transport, {@code --probe bmp:PORT} with PORT its GDB server port
 * (facts §F.1: the first of its two CDC-ACM ports, typically {@code /dev/ttyACM0}; udev names it
 * {@code /dev/serial/by-id/usb-Black_Magic_Debug_Black_Magic_Probe_<serial>-if00}). The baud rate is
 * irrelevant on a CDC port; 8N1 is used so pty pairs work too.
 *
 * <p>{@link #listProbes()} lists the GDB interfaces found under {@code /dev/serial/by-id} (Linux);
 * with one there, {@code --probe bmp} without a port picks it.
 */
public final class BlackMagicProbeConnector implements ProbeConnector {

    /** Opens a serial line by port name; tests substitute in-memory lines. */
    @FunctionalInterface
    public interface LineOpener {
        SerialLine open(String portName, SerialSettings settings);
    }

    static final Path BY_ID = Path.of("/dev/serial/by-id");
    private static final SerialSettings SETTINGS = SerialSettings.eightNoneOne(115_200);

    private final LineOpener opener;
    private final Path byIdDirectory;
    private final SysfsSerialPorts sysfs;

    /** The ServiceLoader constructor: real serial ports through jssc. */
    public BlackMagicProbeConnector() {
        this(JsscSerialLine::open, BY_ID);
    }

    public BlackMagicProbeConnector(LineOpener opener) {
        this(opener, BY_ID);
    }

    BlackMagicProbeConnector(LineOpener opener, Path byIdDirectory) {
        this(opener, byIdDirectory, new SysfsSerialPorts());
    }

    BlackMagicProbeConnector(LineOpener opener, Path byIdDirectory, SysfsSerialPorts sysfs) {
        this.opener = Objects.requireNonNull(opener, "'opener' must not be null");
        this.byIdDirectory = Objects.requireNonNull(byIdDirectory, "'byIdDirectory' must not be null");
        this.sysfs = Objects.requireNonNull(sysfs, "'sysfs' must not be null");
    }

    @Override
    public String transportName() {
        return "bmp";
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        if (!Files.isDirectory(byIdDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(byIdDirectory)) {
            return entries.filter(BlackMagicProbeConnector::isGdbInterface).sorted()
                    .map(p -> new ProbeDescriptor("bmp", p.toString(), "Black Magic Probe GDB server ("
                            + realPath(p) + sysfs.describe(realPath(p)).map(UsbSerialPortInfo::describe)
                                    .map(usb -> ", " + usb).orElse("") + ")"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** BMP's udev name contains "Black_Magic_Probe"; interface 00 is the GDB server. */
    static boolean isGdbInterface(Path path) {
        String name = path.getFileName().toString();
        return name.contains("Black_Magic_Probe") && name.endsWith("-if00");
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        Objects.requireNonNull(selector, "'selector' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        if (!selector.transport().equals(transportName())) {
            throw new IllegalArgumentException("selector '" + selector + "' is not for the bmp transport");
        }
        String port = selector.hasArgument() ? selector.argument() : onlyProbe();
        SerialLine line = opener.open(port, SETTINGS.overriddenBy(options));
        return BlackMagicTargetConnection.open(line, options);
    }

    private String onlyProbe() {
        List<ProbeDescriptor> probes = listProbes();
        if (probes.size() == 1) {
            return probes.get(0).serial();
        }
        throw new ProbeNotFoundException(probes.isEmpty()
                ? "no Black Magic Probe found under " + byIdDirectory + ": name its GDB port, e.g. --probe bmp:/dev/ttyACM0"
                        + " (or try --probe sim)"
                : "several Black Magic Probes found, choose one: " + probes.stream()
                        .map(ProbeDescriptor::selectorText).toList());
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toString();
        }
    }
}
