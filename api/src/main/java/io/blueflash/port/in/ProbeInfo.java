package io.blueflash.port.in;

import java.util.Objects;

/**
 * One attached probe.
 *
 * @param selector    the {@code --probe} argument that selects exactly this probe
 * @param transport   "stlink", "bootloader", "bmp", "sim"
 * @param description model and firmware
 */
public record ProbeInfo(String selector, String transport, String description) {

    public ProbeInfo {
        Objects.requireNonNull(selector, "'selector' must not be null");
        Objects.requireNonNull(transport, "'transport' must not be null");
        Objects.requireNonNull(description, "'description' must not be null");
    }
}
