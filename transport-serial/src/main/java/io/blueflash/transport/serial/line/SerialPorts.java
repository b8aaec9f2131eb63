package io.blueflash.transport.serial.line;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Names of USB serial ports present now, found by listing {@code /dev} — without opening them,
 * since opening toggles DTR and resets some boards.
 */
public final class SerialPorts {

    private SerialPorts() {
    }

    /** {@code /dev/ttyUSB*}, {@code /dev/ttyACM*} (Linux) and {@code /dev/cu.usb*} (macOS), sorted. */
    public static List<String> usbSerialPorts() {
        return usbSerialPorts(Path.of("/dev"));
    }

    static List<String> usbSerialPorts(Path dev) {
        List<String> ports = new ArrayList<>();
        if (!Files.isDirectory(dev)) {
            return ports;
        }
        try (Stream<Path> entries = Files.list(dev)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("ttyUSB") || n.startsWith("ttyACM") || n.startsWith("cu.usb"))
                    .sorted()
                    .forEach(n -> ports.add(dev.resolve(n).toString()));
        } catch (IOException e) {
            return ports;
        }
        return ports;
    }
}
