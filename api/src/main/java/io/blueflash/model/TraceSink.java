package io.blueflash.model;

/**
 * Receives teaching traces from a transport or simulator: one line per DP/AP transaction, decoded
 * bus access ({@code FLASH_CR <- PG}) or flash event, stamped with simulated time where known.
 */
@FunctionalInterface
public interface TraceSink {

    TraceSink NONE = (layer, simNanos, text) -> { };

    /**
     * @param layer    "swd", "bus", "flash", "usb", "uart", "rsp"...
     * @param simNanos simulated time in ns, or -1 on real hardware
     * @param text     one line, no newline
     */
    void trace(String layer, long simNanos, String text);
}
