package io.blueflash.transport.serial.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * USB descriptors of a serial port, read from Linux sysfs without opening the port (jssc gives
 * port names only). {@code /sys/class/tty/NAME/device} leads to the USB interface the tty belongs
 * to (a CDC-ACM interface directly, a usb-serial bridge through one more directory); the interface
 * holds {@code bInterfaceNumber} and {@code interface}, its parent device {@code idVendor},
 * {@code idProduct}, {@code manufacturer}, {@code product} and {@code serial}. Anything missing (not
 * Linux, not USB, a pty) is simply no information.
 */
public final class SysfsSerialPorts {

    private static final int MAX_STEPS_UP = 3;

    private final Path sysRoot;

    /** The real {@code /sys}. */
    public SysfsSerialPorts() {
        this(Path.of("/sys"));
    }

    /** A sysfs tree rooted elsewhere (tests build one). */
    public SysfsSerialPorts(Path sysRoot) {
        this.sysRoot = sysRoot;
    }

    /** The USB device and interface behind {@code port} (e.g. {@code /dev/ttyACM0}), when there is one. */
    public Optional<UsbSerialPortInfo> describe(String port) {
        String name = Path.of(port).getFileName().toString();
        Path device = sysRoot.resolve("class/tty").resolve(name).resolve("device");
        try {
            Path dir = device.toRealPath();
            for (int step = 0; step <= MAX_STEPS_UP && dir != null; step++, dir = dir.getParent()) {
                Path usbDevice = dir.getParent();
                if (Files.isRegularFile(dir.resolve("bInterfaceNumber")) && usbDevice != null
                        && Files.isRegularFile(usbDevice.resolve("idVendor"))) {
                    return Optional.of(new UsbSerialPortInfo(hex(usbDevice, "idVendor"), hex(usbDevice, "idProduct"),
                            text(usbDevice, "manufacturer"), text(usbDevice, "product"), text(usbDevice, "serial"),
                            hex(dir, "bInterfaceNumber"), text(dir, "interface")));
                }
            }
        } catch (IOException | RuntimeException e) { // no such tty, not USB, unreadable or odd attribute: no description
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String text(Path dir, String attribute) throws IOException {
        Path file = dir.resolve(attribute);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
    }

    private static int hex(Path dir, String attribute) throws IOException {
        String value = text(dir, attribute);
        return value.isEmpty() ? -1 : Integer.parseInt(value, 16);
    }
}
