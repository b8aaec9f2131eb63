package io.blueflash.service;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The transports the application was given, and the choice of one by {@code --probe}. */
public final class ProbeConnectors {

    private final List<ProbeConnector> connectors;

    public ProbeConnectors(List<ProbeConnector> connectors) {
        this.connectors = List.copyOf(Objects.requireNonNull(connectors, "'connectors' must not be null"));
    }

    public List<ProbeConnector> all() {
        return connectors;
    }

    /**
     * Opens the probe the selector names through the connector whose {@link ProbeConnector#transportName()}
     * matches its transport.
     *
     * @throws ProbeNotFoundException when no connector has that transport name; the message names the
     *                                known transports and the simulator alternative
     */
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        return connectorFor(selector).connect(selector, options);
    }

    public ProbeConnector connectorFor(ProbeSelector selector) {
        Objects.requireNonNull(selector, "'selector' must not be null");
        return connectors.stream().filter(c -> c.transportName().equalsIgnoreCase(selector.transport()))
                .findFirst()
                .orElseThrow(() -> new ProbeNotFoundException(String.format(
                        "no transport named '%s'; known transports: %s", selector.transport(), knownTransports())));
    }

    private String knownTransports() {
        return connectors.isEmpty() ? "(none installed)"
                : connectors.stream().map(ProbeConnector::transportName).sorted().collect(Collectors.joining(", "));
    }
}
