package io.blueflash.cli.sim;

import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.run.FirmwareRun;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints what running firmware says, one line each with its simulated time: semihosting console
 * lines, USART transmit lines, GPIO edges, faults (and exceptions when asked). Bytes are collected
 * per source until a newline, so a line carries the time its newline was sent.
 */
final class RunConsole implements FirmwareRun.Listener {

    private final PrintWriter out;
    private final long origin;
    private final boolean gpio;
    private final boolean exceptions;
    private final Map<String, ByteArrayOutputStream> partial = new LinkedHashMap<>();
    private int gpioEdges;
    private int usartBytes;

    /** Times are printed relative to {@code origin}, the simulated instant the run started. */
    RunConsole(PrintWriter out, long origin, boolean gpio, boolean exceptions) {
        this.out = out;
        this.origin = origin;
        this.gpio = gpio;
        this.exceptions = exceptions;
    }

    @Override
    public void console(long simNanos, byte[] bytes, boolean stderr) {
        collect(stderr ? "semihosting stderr" : "semihosting", simNanos, bytes);
    }

    @Override
    public void event(SimTraceEvent event) {
        if (event instanceof SimTraceEvent.GpioEdge edge) {
            gpioEdges++;
            if (gpio) {
                line(edge.simNanos(), edge.pinName(), edge.high() ? "high" : "low");
            }
        } else if (event instanceof SimTraceEvent.UsartByte b && b.transmitted()) {
            usartBytes++;
            collect("USART" + b.usart() + " TX", b.simNanos(), new byte[] {(byte) b.data()});
        } else if (event instanceof SimTraceEvent.FaultEvent fault) {
            line(fault.simNanos(), "fault", fault.text());
        } else if (exceptions && event instanceof SimTraceEvent.ExceptionEvent exception) {
            line(exception.simNanos(), "exception", exception.text());
        }
    }

    int gpioEdges() {
        return gpioEdges;
    }

    int usartBytes() {
        return usartBytes;
    }

    /** Prints what is left of unfinished lines (the firmware's last words without a newline). */
    void finish(long simNanos) {
        partial.forEach((source, bytes) -> {
            if (bytes.size() > 0) {
                line(simNanos, source, text(bytes));
                bytes.reset();
            }
        });
        out.flush();
    }

    private void collect(String source, long simNanos, byte[] bytes) {
        ByteArrayOutputStream pending = partial.computeIfAbsent(source, s -> new ByteArrayOutputStream());
        for (byte b : bytes) {
            if (b == '\n') {
                line(simNanos, source, text(pending));
                pending.reset();
            } else if (b != '\r') {
                pending.write(b);
            }
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void line(long simNanos, String source, String text) {
        out.printf("[%s] %s: %s%n", seconds(simNanos - origin), source, text);
        out.flush();
    }

    /** Simulated seconds with microsecond digits, e.g. {@code 0.100021 s}. */
    static String seconds(long simNanos) {
        return String.format("%d.%06d s", simNanos / 1_000_000_000L, simNanos % 1_000_000_000L / 1_000L);
    }
}
