package io.blueflash.port.in;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;

/**
 * @param flashMap whether the report carries a {@link FlashMap}: the chip is then identified for its
 *                 geometry and the option bytes are read
 */
public record VerifyImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image,
                                 ProgressListener progress, boolean flashMap) {

    /** A request without a flash map. */
    public VerifyImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image,
                              ProgressListener progress) {
        this(probe, connect, image, progress, false);
    }

    public VerifyImageRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(image, "'image' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
    }

    /** The same request, asking for a {@link FlashMap} or not. */
    public VerifyImageRequest withFlashMap(boolean wanted) {
        return new VerifyImageRequest(probe, connect, image, progress, wanted);
    }
}
