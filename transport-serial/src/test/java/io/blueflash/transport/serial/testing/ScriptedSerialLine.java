package io.blueflash.transport.serial.testing;

import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.SerialTimeoutException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Queue;

/**
 * A scripted {@link SerialLine} for protocol tests (architecture §6.6): each step expects exact
 * bytes from the host and then makes a reply readable. A read with nothing readable times out at
 * once, so silence costs no wall time. Bytes that do not match the script fail the test with both
 * sequences in hex.
 */
public final class ScriptedSerialLine implements SerialLine {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private record Step(byte[] expected, byte[] reply) {
    }

    private final String portName;
    private final SerialSettings settings;
    private final Queue<Step> steps = new ArrayDeque<>();
    private final ByteArrayOutputStream pendingWrite = new ByteArrayOutputStream();
    private final ByteArrayOutputStream allWritten = new ByteArrayOutputStream();
    private final ArrayDeque<Byte> readable = new ArrayDeque<>();
    private boolean closed;

    public ScriptedSerialLine(String portName, SerialSettings settings) {
        this.portName = portName;
        this.settings = settings;
    }

    public ScriptedSerialLine() {
        this("/dev/ttyFAKE0", SerialSettings.eightEvenOne(115200));
    }

    /** Parses "7F 00 FF" into bytes. */
    public static byte[] hex(String text) {
        String compact = text.replace(" ", "");
        return compact.isEmpty() ? new byte[0] : HexFormat.of().parseHex(compact);
    }

    /** Expects the host to write {@code expectedHex}, then answers {@code replyHex} ("" = silence). */
    public ScriptedSerialLine expect(String expectedHex, String replyHex) {
        return expect(hex(expectedHex), hex(replyHex));
    }

    public ScriptedSerialLine expect(byte[] expected, byte[] reply) {
        steps.add(new Step(expected, reply));
        return this;
    }

    /** True when every step was played and every written byte was expected. */
    public boolean finished() {
        return steps.isEmpty() && pendingWrite.size() == 0;
    }

    public String remaining() {
        StringBuilder sb = new StringBuilder();
        steps.forEach(s -> sb.append('[').append(HEX.formatHex(s.expected)).append("] "));
        return sb + " pending write [" + HEX.formatHex(pendingWrite.toByteArray()) + "]";
    }

    public byte[] allWritten() {
        return allWritten.toByteArray();
    }

    public boolean isClosed() {
        return closed;
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
        allWritten.writeBytes(data);
        pendingWrite.writeBytes(data);
        while (!steps.isEmpty()) {
            byte[] pending = pendingWrite.toByteArray();
            byte[] expected = steps.peek().expected;
            int n = Math.min(pending.length, expected.length);
            if (!Arrays.equals(pending, 0, n, expected, 0, n)) {
                throw new AssertionError("host wrote [" + HEX.formatHex(pending) + "] but the script expected ["
                        + HEX.formatHex(expected) + "]");
            }
            if (pending.length < expected.length) {
                return;
            }
            Step step = steps.remove();
            for (byte b : step.reply) {
                readable.add(b);
            }
            pendingWrite.reset();
            pendingWrite.write(pending, expected.length, pending.length - expected.length);
        }
        if (pendingWrite.size() > 0) {
            throw new AssertionError("host wrote [" + HEX.formatHex(pendingWrite.toByteArray())
                    + "] after the script ended");
        }
    }

    @Override
    public byte[] read(int count, Duration timeout) {
        if (readable.size() < count) {
            int got = readable.size();
            readable.clear();
            throw new SerialTimeoutException(portName, count, got, timeout);
        }
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = readable.remove();
        }
        return out;
    }

    @Override
    public void discardInput() {
        readable.clear();
    }

    @Override
    public void close() {
        closed = true;
    }
}
