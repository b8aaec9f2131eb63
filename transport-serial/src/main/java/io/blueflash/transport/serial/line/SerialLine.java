package io.blueflash.transport.serial.line;

import java.time.Duration;

/**
 * A byte pipe to a UART: the one seam between serial protocols (AN3155, GDB RSP) and the serial
 * library, so protocols are tested against scripted fakes and in-memory emulators.
 *
 * <p>Exceptions only, no boolean results: failures are {@link SerialLineException}, a read that
 * runs out of time is {@link SerialTimeoutException}, and opening a port that does not exist is
 * {@link io.blueflash.port.out.ProbeNotFoundException} naming the port. Not thread-safe: one
 * protocol drives one line.
 */
public interface SerialLine extends AutoCloseable {

    /** The port as the user named it (device path or symlink), for messages. */
    String portName();

    SerialSettings settings();

    /** Sends all of {@code data}. */
    void write(byte[] data);

    /** Sends one byte (the low 8 bits of {@code value}). */
    default void write(int value) {
        write(new byte[] {(byte) value});
    }

    /**
     * Reads exactly {@code count} bytes, waiting at most {@code timeout} in total.
     *
     * @throws SerialTimeoutException when fewer bytes arrived in time (those are dropped)
     */
    byte[] read(int count, Duration timeout);

    /** Reads one byte as 0–255. */
    default int read(Duration timeout) {
        return read(1, timeout)[0] & 0xFF;
    }

    /** Drops whatever has been received and not read yet (stale answers before a resync). */
    void discardInput();

    /** Releases the port; never throws. */
    @Override
    void close();
}
