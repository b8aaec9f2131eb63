package io.blueflash.port.in;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;
import java.util.OptionalLong;

/** @param flashSizeBytes the {@code --flash} override (page numbers of write protection are checked against it) */
public record OptionBytesRequest(ProbeSelector probe, ConnectOptions connect, OptionBytesChange change,
                                 OptionalLong flashSizeBytes, ProgressListener progress) {

    public OptionBytesRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(change, "'change' must not be null");
        Objects.requireNonNull(flashSizeBytes, "'flashSizeBytes' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
    }

    public OptionBytesRequest(ProbeSelector probe, ConnectOptions connect, OptionBytesChange change) {
        this(probe, connect, change, OptionalLong.empty(), ProgressListener.NONE);
    }
}
