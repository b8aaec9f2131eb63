package io.blueflash.cli.output;

import io.blueflash.model.TraceSink;
import io.blueflash.trace.TraceOperation;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code --trace}: prints the teaching trace, one line per event:
 * {@code [    12.375 us] swd   READ DP DPIDR -> 0x1BA01477}, grouped under the operation each line
 * belongs to ({@code == erase page 3 ... [PM0075 §2.3.3 Flash memory erase]}). Simulated time is shown
 * when the target is the simulator, so a reader sees what each transaction costs on a real wire; an
 * operation carries the time of the last line before it. The terse level prints the operations only,
 * each with how many wire transactions it took and, simulated, how long.
 * Safe to share between threads (a gang write traces every target into it).
 */
public final class ConsoleTrace implements TraceSink {

    /** Layers whose lines are transactions on a wire (the others decode the same accesses). */
    private static final Set<String> WIRES = Set.of("swd", "jtag", "usb", "uart", "rsp");
    private static final String INDENT = "   ";

    private final PrintStream out;
    private final boolean operationsOnly;
    private long lastSimNanos = -1;
    private boolean grouped;
    private TraceOperation pending;
    private long pendingAt;
    private final Map<String, Integer> pendingCounts = new LinkedHashMap<>();

    /** Every line, on {@code out}. */
    public ConsoleTrace(PrintStream out) {
        this(out, false);
    }

    /** @param operationsOnly print only the operations (the terse level) */
    public ConsoleTrace(PrintStream out, boolean operationsOnly) {
        this.out = out;
        this.operationsOnly = operationsOnly;
    }

    @Override
    public synchronized void trace(String layer, long simNanos, String text) {
        if (simNanos >= 0) {
            lastSimNanos = simNanos;
        }
        if (operationsOnly) {
            if (pending != null && pendingAt < 0) {
                pendingAt = simNanos;                                // the first step: no line came before it
            }
            if (pending != null && WIRES.contains(layer)) {
                pendingCounts.merge(layer, 1, Integer::sum);
            }
            return;
        }
        out.println(grouped ? indented(layer, simNanos, text) : line(layer, simNanos, text));
    }

    @Override
    public synchronized void operation(TraceOperation operation) {
        if (operationsOnly) {
            printPending();
            pending = operation;
            pendingAt = lastSimNanos;
            pendingCounts.clear();
            return;
        }
        grouped = true;
        out.println(heading(lastSimNanos, operation));
    }

    /** Prints what is still held back (the last operation of the terse level) and flushes. */
    public synchronized void finish() {
        printPending();
        out.flush();
    }

    private void printPending() {
        if (pending == null) {
            return;
        }
        StringBuilder tail = new StringBuilder();
        pendingCounts.forEach((layer, n) -> tail.append(tail.length() == 0 ? "" : ", ")
                .append(n).append(' ').append(layer).append(n == 1 ? " transaction" : " transactions"));
        if (pendingAt >= 0 && lastSimNanos >= pendingAt) {
            tail.append(tail.length() == 0 ? "" : ", ").append(duration(lastSimNanos - pendingAt));
        }
        out.println(heading(pendingAt, pending) + (tail.length() == 0 ? "" : " (" + tail + ")"));
        pending = null;
    }

    static String line(String layer, long simNanos, String text) {
        return String.format("%s %-5s %s", time(simNanos), layer, text);
    }

    static String indented(String layer, long simNanos, String text) {
        return String.format("%s %s%-5s %s", time(simNanos), INDENT, layer, text);
    }

    /** {@code [time] == what happens [manual section]}. */
    static String heading(long simNanos, TraceOperation operation) {
        return time(simNanos) + " == " + operation.text() + operation.reference().map(r -> " [" + r + "]").orElse("");
    }

    private static String time(long simNanos) {
        return simNanos < 0 ? "              " : String.format(Locale.ROOT, "[%10.3f us]", simNanos / 1000.0);
    }

    private static String duration(long nanos) {
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.3f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.3f us", nanos / 1e3);
    }
}
