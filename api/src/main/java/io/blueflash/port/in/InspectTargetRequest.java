package io.blueflash.port.in;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import java.util.Objects;

public record InspectTargetRequest(ProbeSelector probe, ConnectOptions connect) {

    public InspectTargetRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
    }
}
