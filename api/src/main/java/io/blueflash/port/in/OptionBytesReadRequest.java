package io.blueflash.port.in;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import java.util.Objects;

/** Which probe and how to connect, to read the option bytes. */
public record OptionBytesReadRequest(ProbeSelector probe, ConnectOptions connect) {

    public OptionBytesReadRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
    }
}
