package io.blueflash.port.in;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;

public record VerifyImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image,
                                 ProgressListener progress) {

    public VerifyImageRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(image, "'image' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
    }
}
