package io.blueflash.port.out;

import java.util.Objects;

/**
 * What {@code blueflash probes} lists for one probe.
 *
 * @param transport   transport name as in {@code --probe} ("stlink", "sim", ...)
 * @param serial      the probe's serial number or port path, usable as {@code --probe transport:serial}
 * @param description human-readable model and firmware, e.g. "ST-Link V2 (V2J29S7)"
 */
public record ProbeDescriptor(String transport, String serial, String description) {
    public ProbeDescriptor {
        Objects.requireNonNull(transport, "'transport' must not be null");
        Objects.requireNonNull(serial, "'serial' must not be null");
        Objects.requireNonNull(description, "'description' must not be null");
    }

    /** The {@code --probe} argument that selects exactly this probe. */
    public String selectorText() {
        return serial.isEmpty() ? transport : transport + ":" + serial;
    }
}
