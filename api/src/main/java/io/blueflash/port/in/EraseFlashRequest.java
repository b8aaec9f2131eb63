package io.blueflash.port.in;

import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * @param range          the bytes to erase; empty = mass erase of all main flash
 * @param allowRounding  erase whole pages even when {@code range} covers only part of them (the
 *                       other bytes of those pages are lost); without it a partial page is an
 *                       error naming the pages the range would touch
 * @param flashSizeBytes the {@code --flash} override of the reported flash size
 * @param flashMap       whether the report carries a {@link FlashMap} (reads the option bytes too)
 */
public record EraseFlashRequest(ProbeSelector probe, ConnectOptions connect, Optional<AddressRange> range,
                                boolean allowRounding, OptionalLong flashSizeBytes, ProgressListener progress,
                                boolean flashMap) {

    /** A request without a flash map. */
    public EraseFlashRequest(ProbeSelector probe, ConnectOptions connect, Optional<AddressRange> range,
                             boolean allowRounding, OptionalLong flashSizeBytes, ProgressListener progress) {
        this(probe, connect, range, allowRounding, flashSizeBytes, progress, false);
    }

    public EraseFlashRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(range, "'range' must not be null");
        Objects.requireNonNull(flashSizeBytes, "'flashSizeBytes' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
    }

    public static EraseFlashRequest mass(ProbeSelector probe, ConnectOptions connect, ProgressListener progress) {
        return new EraseFlashRequest(probe, connect, Optional.empty(), false, OptionalLong.empty(), progress);
    }

    public static EraseFlashRequest range(ProbeSelector probe, ConnectOptions connect, AddressRange range,
                                          boolean allowRounding, ProgressListener progress) {
        return new EraseFlashRequest(probe, connect, Optional.of(range), allowRounding, OptionalLong.empty(), progress);
    }

    public EraseFlashRequest withFlashSizeBytes(long bytes) {
        return new EraseFlashRequest(probe, connect, range, allowRounding, OptionalLong.of(bytes), progress, flashMap);
    }

    /** The same request, asking for a {@link FlashMap} or not. */
    public EraseFlashRequest withFlashMap(boolean wanted) {
        return new EraseFlashRequest(probe, connect, range, allowRounding, flashSizeBytes, progress, wanted);
    }
}
