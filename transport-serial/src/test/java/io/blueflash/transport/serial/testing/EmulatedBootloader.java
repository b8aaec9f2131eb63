package io.blueflash.transport.serial.testing;

import io.blueflash.sim.bootloader.BootloaderEmulator;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.StreamSerialLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A {@link BootloaderEmulator} on its own thread, joined to a host {@link SerialLine} by in-memory
 * pipes: the two independent AN3155 implementations meeting over the real byte stream (DESIGN §5).
 * Closing the host line ends the emulator (end of stream).
 */
public final class EmulatedBootloader implements AutoCloseable {

    private static final int PIPE_BYTES = 1 << 16;

    private final Stm32F103 chip;
    private final BootloaderEmulator emulator;
    private final StreamSerialLine hostLine;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private EmulatedBootloader(Stm32F103 chip, SerialSettings settings, UnaryOperator<OutputStream> hostToDevice)
            throws IOException {
        this.chip = chip;
        this.emulator = new BootloaderEmulator(chip, settings.baud(), settings.bitsPerCharacter());
        PipedOutputStream hostOut = new PipedOutputStream();
        PipedInputStream deviceIn = new PipedInputStream(hostOut, PIPE_BYTES);
        PipedOutputStream deviceOut = new PipedOutputStream();
        PipedInputStream hostIn = new PipedInputStream(deviceOut, PIPE_BYTES);
        this.thread = new Thread(() -> serve(deviceIn, deviceOut), "bootloader-emulator");
        this.thread.setDaemon(true);
        this.thread.start();
        this.hostLine = new StreamSerialLine("emulated-bootloader", settings, hostIn, hostToDevice.apply(hostOut));
    }

    /** An emulator on {@code chip} at {@code settings}. */
    public static EmulatedBootloader start(Stm32F103 chip, SerialSettings settings) throws IOException {
        return new EmulatedBootloader(chip, settings, UnaryOperator.identity());
    }

    /** As {@link #start(Stm32F103, SerialSettings)}, with a filter on the host-to-chip direction (line noise). */
    public static EmulatedBootloader start(Stm32F103 chip, SerialSettings settings,
                                           UnaryOperator<OutputStream> hostToDevice) throws IOException {
        return new EmulatedBootloader(chip, settings, hostToDevice);
    }

    /** Serves device-side streams (a pty opened as files) on a new thread; for the socat tests. */
    public static Thread serveOnThread(BootloaderEmulator emulator, InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                emulator.serve(in, out);
            } catch (IOException closed) {
                // the pty went away when the test closed it
            }
        }, "bootloader-emulator-pty");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void serve(InputStream in, OutputStream out) {
        try {
            emulator.serve(in, out);
        } catch (IOException e) {
            // "Pipe closed" once the host line is closed: the normal end
        } catch (RuntimeException | Error e) {
            failure.set(e);
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    public SerialLine hostLine() {
        return hostLine;
    }

    public BootloaderEmulator emulator() {
        return emulator;
    }

    public Stm32F103 chip() {
        return chip;
    }

    /** Closes the host line and waits for the emulator; rethrows anything the emulator threw. */
    @Override
    public void close() throws InterruptedException {
        hostLine.close();
        thread.join(10_000);
        Throwable t = failure.get();
        if (t != null) {
            throw new AssertionError("the emulator failed: " + t, t);
        }
    }
}
