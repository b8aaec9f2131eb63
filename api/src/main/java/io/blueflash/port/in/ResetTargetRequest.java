package io.blueflash.port.in;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import java.util.Objects;

/** @param halt stop the core at the reset vector instead of running the firmware */
public record ResetTargetRequest(ProbeSelector probe, ConnectOptions connect, ResetKind kind, boolean halt) {

    public ResetTargetRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(kind, "'kind' must not be null");
    }
}
