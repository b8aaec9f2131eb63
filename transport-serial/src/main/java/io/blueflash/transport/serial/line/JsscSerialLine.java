package io.blueflash.transport.serial.line;

import io.blueflash.port.out.ProbeNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import io.blueflash.port.out.ProbeBusyException;
import jssc.SerialPortException;

/**
 * A {@link SerialLine} on a real (or pseudo-) terminal through jssc: the only class that imports
 * jssc (architecture §6.5 rule 6). It turns jssc's boolean-plus-exception results and int constants
 * into our enums and unchecked exceptions.
 *
 * <p>Ports are named by device path ({@code /dev/ttyUSB0}, {@code COM3}) or by a symlink to one
 * (udev's {@code /dev/serial/by-id/...}, socat's {@code link=}); symlinks are resolved before
 * opening. jssc's own timed read spins without sleeping; a mass erase may keep the line silent for
 * 35 s (facts §E.3), so {@link #read} polls the input count and parks between polls instead.
 */
public final class JsscSerialLine implements SerialLine {

    private static final long MIN_PARK_NANOS = 100_000L;
    private static final long MAX_PARK_NANOS = 5_000_000L;

    private final String portName;
    private final SerialSettings settings;
    private final SerialPort port;

    private JsscSerialLine(String portName, SerialSettings settings, SerialPort port) {
        this.portName = portName;
        this.settings = settings;
        this.port = port;
    }

    /**
     * Opens {@code portName} with {@code settings}.
     *
     * @throws ProbeNotFoundException when the port does not exist
     * @throws SerialLineException    when it exists but cannot be opened or configured
     */
    public static JsscSerialLine open(String portName, SerialSettings settings) {
        Objects.requireNonNull(portName, "'portName' must not be null");
        Objects.requireNonNull(settings, "'settings' must not be null");
        if (portName.isBlank()) {
            throw new ProbeNotFoundException("no serial port given: name one, e.g. bootloader:/dev/ttyUSB0");
        }
        String device = resolve(portName);
        SerialPort port = new SerialPort(device);
        try {
            port.openPort();
        } catch (SerialPortException e) {
            throw openFailure(portName, e);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError e) {
            throw new SerialLineException("cannot load jssc's native serial library to open " + portName
                    + ": " + e.getMessage(), e);
        }
        try {
            port.setParams(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                    parity(settings.parity()));
        } catch (SerialPortException e) {
            closeQuietly(port);
            String hint = settings.parity() == Parity.NONE ? ""
                    : " (pseudo-terminals such as socat pairs refuse parity: use parity=none there)";
            throw new SerialLineException("cannot set " + settings + " on " + portName + hint + ": "
                    + e.getExceptionType(), e);
        }
        return new JsscSerialLine(portName, settings, port);
    }

    /** Device path or symlink → the real device; a name that is not a path (COM3) is kept. */
    private static String resolve(String portName) {
        if (isWindows()) {
            return portName;
        }
        try {
            Path path = Path.of(portName);
            if (!Files.exists(path)) {
                String dangling = Files.isSymbolicLink(path)
                        ? " (it is a symlink to " + Files.readSymbolicLink(path) + ", which is gone)" : "";
                throw new ProbeNotFoundException("serial port " + portName + " does not exist" + dangling
                        + ": check the adapter is plugged in and the name (ls /dev/ttyUSB* /dev/ttyACM*"
                        + " /dev/serial/by-id/)");
            }
            return path.toRealPath().toString();
        } catch (InvalidPathException | IOException e) {
            throw new ProbeNotFoundException("serial port " + portName + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** What the user reads when jssc cannot open the port; a busy port is the probe-busy error (exit 8). */
    static RuntimeException openFailure(String portName, SerialPortException e) {
        String type = String.valueOf(e.getExceptionType());
        if (type.equals(SerialPortException.TYPE_PORT_NOT_FOUND)) {
            return new ProbeNotFoundException("serial port " + portName + " does not exist", e);
        }
        if (type.equals(SerialPortException.TYPE_PERMISSION_DENIED)) {
            return new SerialLineException("permission denied opening " + portName
                    + ": add your user to the port's group (often 'dialout') and log in again", e);
        }
        if (type.equals(SerialPortException.TYPE_PORT_BUSY)) {
            return new ProbeBusyException(portName + " is in use by another program (a serial terminal, stm32flash, "
                    + "gdb, another blueflash): close it and retry", null, e);
        }
        return new SerialLineException("cannot open serial port " + portName + ": " + type, e);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static int parity(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.PARITY_NONE;
            case EVEN -> SerialPort.PARITY_EVEN;
            case ODD -> SerialPort.PARITY_ODD;
        };
    }

    private static int stopBits(StopBits stopBits) {
        return switch (stopBits) {
            case ONE -> SerialPort.STOPBITS_1;
            case TWO -> SerialPort.STOPBITS_2;
        };
    }

    @Override
    public String portName() {
        return portName;
    }

    @Override
    public SerialSettings settings() {
        return settings;
    }

    @Override
    public void write(byte[] data) {
        try {
            port.writeBytes(data);
        } catch (SerialPortException e) {
            throw new SerialLineException("writing " + data.length + " byte(s) to " + portName + " failed: "
                    + e.getExceptionType(), e);
        }
    }

    @Override
    public byte[] read(int count, Duration timeout) {
        if (count < 0) {
            throw new IllegalArgumentException("'count' must not be negative: " + count);
        }
        byte[] out = new byte[count];
        int got = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        long park = MIN_PARK_NANOS;
        try {
            while (got < count) {
                int available = port.getInputBufferBytesCount();
                if (available > 0) {
                    byte[] chunk = port.readBytes(Math.min(available, count - got));
                    System.arraycopy(chunk, 0, out, got, chunk.length);
                    got += chunk.length;
                    park = MIN_PARK_NANOS;
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SerialTimeoutException(portName, count, got, timeout);
                }
                LockSupport.parkNanos(Math.min(park, left));
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
            return out;
        } catch (SerialPortException e) {
            throw new SerialLineException("reading from " + portName + " failed: " + e.getExceptionType(), e);
        }
    }

    @Override
    public void discardInput() {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
            int available = port.getInputBufferBytesCount();
            if (available > 0) {
                port.readBytes(available);
            }
        } catch (SerialPortException e) {
            throw new SerialLineException("clearing the input of " + portName + " failed: "
                    + e.getExceptionType(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException ignored) {
            // closing never throws (SerialLine#close); the port is gone either way
        }
    }

    @Override
    public String toString() {
        return portName + " (" + settings + ")";
    }
}
