package io.blueflash.port.in;

import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;

public record ReadMemoryRequest(ProbeSelector probe, ConnectOptions connect, AddressRange range,
                                ProgressListener progress) {

    public ReadMemoryRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(range, "'range' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
        if (range.length() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot read more than 2 GB at once: " + range);
        }
    }
}
