package io.blueflash.port.in;

import io.blueflash.model.OptionBytesState;
import java.util.Objects;

/** The option bytes as stored, decoded, and the time the read took. */
public record OptionBytesReading(String probe, OptionBytesState state, OperationTiming timing) {

    public OptionBytesReading {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(state, "'state' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
    }
}
