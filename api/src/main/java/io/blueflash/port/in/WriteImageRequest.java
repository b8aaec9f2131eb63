package io.blueflash.port.in;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;

/** @param image the bytes to place; addresses outside flash are an error naming the flash range */
public record WriteImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image,
                                FlashOptions options, ProgressListener progress) {

    public WriteImageRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(image, "'image' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
    }
}
