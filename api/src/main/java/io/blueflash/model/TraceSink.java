package io.blueflash.model;

import io.blueflash.trace.TraceOperation;

/**
 * Receives teaching traces from a transport or simulator: one line per DP/AP transaction, decoded
 * bus access ({@code FLASH_CR <- PG}) or flash event, stamped with simulated time where known; and,
 * from the code that takes each step, the {@link TraceOperation} the following lines carry out.
 */
@FunctionalInterface
public interface TraceSink {

    TraceSink NONE = (layer, simNanos, text) -> { };

    /** The layer name of {@link #operation} lines for sinks that only take text. */
    String OPERATION_LAYER = "op";

    /**
     * @param layer    "swd", "bus", "flash", "usb", "uart", "rsp"...
     * @param simNanos simulated time in ns, or -1 on real hardware
     * @param text     one line, no newline
     */
    void trace(String layer, long simNanos, String text);

    /**
     * The step the lines that follow carry out, sent just before them. A sink that groups or shortens
     * the trace overrides this; the default passes it on as a line of layer {@value #OPERATION_LAYER}.
     */
    default void operation(TraceOperation operation) {
        if (this == NONE) {
            return;
        }
        trace(OPERATION_LAYER, -1, operation.text() + operation.reference().map(r -> " [" + r + "]").orElse(""));
    }
}
