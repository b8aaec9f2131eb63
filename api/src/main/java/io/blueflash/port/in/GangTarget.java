package io.blueflash.port.in;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import java.util.Objects;

/**
 * One board of a gang write: its probe, how to connect (each target its own connection, e.g. its
 * own simulator state file), and its own data.
 */
public record GangTarget(ProbeSelector probe, ConnectOptions connect, TargetData data) {

    public GangTarget {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(data, "'data' must not be null");
    }
}
