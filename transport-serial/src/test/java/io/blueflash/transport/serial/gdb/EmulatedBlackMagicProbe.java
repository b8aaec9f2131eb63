package io.blueflash.transport.serial.gdb;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.gdb.GdbServerEmulator;
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
 * The sim's Black Magic Probe emulator on its own thread, joined to the host by in-memory pipes:
 * the host's {@link BlackMagicProbeConnector} opens it through {@link #opener()}. Filters on either
 * direction let tests corrupt bytes on the "line".
 */
public final class EmulatedBlackMagicProbe implements AutoCloseable {

    public static final String PORT = "/dev/ttyACM-sim";

    public final Stm32F103 chip;
    public final GdbServerEmulator emulator;
    private final UnaryOperator<OutputStream> hostToProbe;
    private final UnaryOperator<OutputStream> probeToHost;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread server;
    private SerialLine line;
    private IdleTrackingInput probeIn;

    public EmulatedBlackMagicProbe(String profile) {
        this(profile, UnaryOperator.identity(), UnaryOperator.identity());
    }

    EmulatedBlackMagicProbe(String profile, UnaryOperator<OutputStream> hostToProbe,
                            UnaryOperator<OutputStream> probeToHost) {
        this.chip = Stm32F103.create(profile);
        this.emulator = new GdbServerEmulator(chip);
        this.hostToProbe = hostToProbe;
        this.probeToHost = probeToHost;
    }

    /**
     * Opens a line to the emulator (the port name is only checked for being ours). Sessions are
     * sequential, as on one USB port: a new open waits for the previous session to end.
     */
    public BlackMagicProbeConnector.LineOpener opener() {
        return (portName, settings) -> {
            if (!portName.equals(PORT)) {
                throw new io.blueflash.port.out.ProbeNotFoundException("no such port " + portName);
            }
            endSession();
            line = open(settings);
            return line;
        };
    }

    private void endSession() {
        if (line != null) {
            line.close();
        }
        if (server != null) {
            try {
                server.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public BlackMagicProbeConnector connector() {
        return new BlackMagicProbeConnector(opener());
    }

    private SerialLine open(SerialSettings settings) {
        try {
            PipedInputStream pipe = new PipedInputStream(1 << 16);
            OutputStream hostOut = hostToProbe.apply(new PipedOutputStream(pipe));
            IdleTrackingInput probeIn = new IdleTrackingInput(pipe);
            this.probeIn = probeIn;
            PipedInputStream hostIn = new PipedInputStream(1 << 16);
            OutputStream probeOut = probeToHost.apply(new PipedOutputStream(hostIn));
            server = new Thread(() -> serve(probeIn, probeOut), "bmp-emulator");
            server.setDaemon(true);
            server.start();
            return new StreamSerialLine(PORT, settings, hostIn, hostOut);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void serve(InputStream in, OutputStream out) {
        try (out) {
            emulator.serve(in, out);
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /**
     * Waits until the emulator has handled every byte the host sent and is blocked reading the next
     * one. The probe acknowledges a packet with '+' before it acts on it (as BMP's firmware does), so
     * a host call that returns on the acknowledgement alone ({@code c}) may return before the
     * emulator thread resumed the core: tests that look at the chip directly call this first instead
     * of racing that thread.
     */
    void awaitIdle() {
        probeIn.awaitIdle();
    }

    /** Ends the session (host side closed) and waits for the emulator thread. */
    @Override
    public void close() {
        endSession();
    }

    public Throwable failure() {
        return failure.get();
    }

    /** Flips the bits of the byte at {@code offset} (counted from the first byte written). */
    static UnaryOperator<OutputStream> corruptByteAt(long offset) {
        return out -> new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                out.write(written++ == offset ? b ^ 0x01 : b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /**
     * The emulator's input: knows when the emulator is waiting for the host with nothing left to read,
     * blocked in a read or (while the core runs after {@code c}) polling {@link #available()}.
     */
    private static final class IdleTrackingInput extends InputStream {

        private static final long IDLE_WAIT_LIMIT_MS = 10_000; // a hang guard only: idle is a state, not a delay

        private final PipedInputStream pipe;
        private boolean reading;
        private boolean polledEmpty;

        IdleTrackingInput(PipedInputStream pipe) {
            this.pipe = pipe;
        }

        @Override
        public int read() throws IOException {
            synchronized (this) {
                reading = true;
                polledEmpty = false;
                notifyAll();
            }
            try {
                return pipe.read();
            } finally {
                synchronized (this) {
                    reading = false;
                }
            }
        }

        @Override
        public int available() throws IOException {
            int available = pipe.available();
            if (available == 0) {
                synchronized (this) {
                    polledEmpty = true;
                    notifyAll();
                }
            }
            return available;
        }

        @Override
        public void close() throws IOException {
            pipe.close();
        }

        synchronized void awaitIdle() {
            long deadline = System.currentTimeMillis() + IDLE_WAIT_LIMIT_MS;
            try {
                while (!((reading || polledEmpty) && pipe.available() == 0)) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new AssertionError("the emulator did not become idle within " + IDLE_WAIT_LIMIT_MS + " ms");
                    }
                    wait(left);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the emulator", e);
            }
        }
    }
}
