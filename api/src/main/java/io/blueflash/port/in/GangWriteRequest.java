package io.blueflash.port.in;

import io.blueflash.image.FirmwareImage;
import io.blueflash.model.FlashOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Write one image to several targets at once.
 *
 * @param targets       the boards, each written on its own thread over its own connection
 * @param image         the bytes common to all targets
 * @param options       as for a single write
 * @param listener      progress per target, and each target's result as soon as it is known
 * @param stopRequested polled at every progress event of every target: once true, each target
 *                      stops at its next page boundary (the flash controller relocked, the
 *                      connection closed) and reports {@link GangOutcome.Stopped}
 */
public record GangWriteRequest(List<GangTarget> targets, FirmwareImage image, FlashOptions options,
                               GangListener listener, BooleanSupplier stopRequested) {

    public GangWriteRequest {
        targets = List.copyOf(Objects.requireNonNull(targets, "'targets' must not be null"));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a gang write needs at least one target");
        }
        Objects.requireNonNull(image, "'image' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        Objects.requireNonNull(listener, "'listener' must not be null");
        Objects.requireNonNull(stopRequested, "'stopRequested' must not be null");
    }
}
