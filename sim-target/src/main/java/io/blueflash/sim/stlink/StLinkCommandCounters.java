package io.blueflash.sim.stlink;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the emulated probe has done so far, for benchmarks and tests: commands per name, bytes
 * moved each way, and the simulated time spent on USB (the rest of the simulated time is SWD and
 * flash timing on the chip's clock).
 *
 * @param commands     total commands received
 * @param perCommand   commands by name ("READMEM_32BIT", "GETLASTRWSTATUS2", ...)
 * @param bytesOut     host-to-probe bytes (command blocks and data phases)
 * @param bytesIn      probe-to-host bytes (replies)
 * @param usbNanos     simulated time charged for USB round trips and bytes
 */
public record StLinkCommandCounters(long commands, Map<String, Long> perCommand, long bytesOut, long bytesIn,
                                    long usbNanos) {

    public StLinkCommandCounters {
        perCommand = Map.copyOf(perCommand);
    }

    /** Count of one command name, 0 if never sent. */
    public long count(String name) {
        return perCommand.getOrDefault(name, 0L);
    }

    @Override
    public String toString() {
        return String.format("%d commands (%s), %d bytes out, %d bytes in, %.3f ms USB", commands,
                new TreeMap<>(perCommand), bytesOut, bytesIn, usbNanos / 1e6);
    }
}
