package io.blueflash.port.in;

import java.util.List;
import java.util.Objects;

/**
 * @param probes   probes found
 * @param problems one message per transport that could not look (e.g. "stlink: libusb not found,
 *                 install libusb-1.0"), so one broken backend does not hide the others
 */
public record ProbeListing(List<ProbeInfo> probes, List<String> problems) {

    public ProbeListing {
        probes = List.copyOf(Objects.requireNonNull(probes, "'probes' must not be null"));
        problems = List.copyOf(Objects.requireNonNull(problems, "'problems' must not be null"));
    }
}
