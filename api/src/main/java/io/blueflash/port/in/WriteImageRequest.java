package io.blueflash.port.in;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.progress.ProgressListener;
import java.util.Objects;
import java.util.Optional;

/**
 * @param image      the bytes to place; addresses outside flash are an error naming the flash range
 * @param targetData when present, the write reads the chip's unique ID and adds the target's own
 *                   bytes to the image before planning (gang programming); empty for a plain write
 * @param flashMap   whether the report carries a {@link FlashMap}; it also reads the option bytes so the
 *                   map shows write- and read-protected pages (16 more bytes read)
 */
public record WriteImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image,
                                FlashOptions options, ProgressListener progress, Optional<TargetData> targetData,
                                boolean flashMap) {

    /** A request with per-target data, without a flash map. */
    public WriteImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image, FlashOptions options,
                             ProgressListener progress, Optional<TargetData> targetData) {
        this(probe, connect, image, options, progress, targetData, false);
    }

    /** A plain write, with a flash map or not. */
    public WriteImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image, FlashOptions options,
                             ProgressListener progress, boolean flashMap) {
        this(probe, connect, image, options, progress, Optional.empty(), flashMap);
    }

    public WriteImageRequest {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(connect, "'connect' must not be null");
        Objects.requireNonNull(image, "'image' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        Objects.requireNonNull(progress, "'progress' must not be null");
        Objects.requireNonNull(targetData, "'targetData' must not be null");
    }

    /** A plain write: the image only, no unique ID read. */
    public WriteImageRequest(ProbeSelector probe, ConnectOptions connect, FirmwareImage image, FlashOptions options,
                             ProgressListener progress) {
        this(probe, connect, image, options, progress, Optional.empty(), false);
    }

    public WriteImageRequest withTargetData(TargetData data) {
        return new WriteImageRequest(probe, connect, image, options, progress, Optional.of(data), flashMap);
    }

    public WriteImageRequest withProgress(ProgressListener listener) {
        return new WriteImageRequest(probe, connect, image, options, listener, targetData, flashMap);
    }

    /** The same request, asking for a {@link FlashMap} or not. */
    public WriteImageRequest withFlashMap(boolean wanted) {
        return new WriteImageRequest(probe, connect, image, options, progress, targetData, wanted);
    }
}
