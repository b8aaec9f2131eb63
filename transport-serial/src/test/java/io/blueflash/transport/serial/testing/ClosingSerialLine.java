package io.blueflash.transport.serial.testing;

import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialSettings;
import java.time.Duration;

/** A {@link SerialLine} that also closes what stands behind it (a socat pair, an emulator thread). */
public final class ClosingSerialLine implements SerialLine {

    private final SerialLine line;
    private final AutoCloseable behind;

    public ClosingSerialLine(SerialLine line, AutoCloseable behind) {
        this.line = line;
        this.behind = behind;
    }

    @Override
    public String portName() {
        return line.portName();
    }

    @Override
    public SerialSettings settings() {
        return line.settings();
    }

    @Override
    public void write(byte[] data) {
        line.write(data);
    }

    @Override
    public byte[] read(int count, Duration timeout) {
        return line.read(count, timeout);
    }

    @Override
    public void discardInput() {
        line.discardInput();
    }

    @Override
    public void close() {
        line.close();
        try {
            behind.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
