package io.blueflash.port.in;

import io.blueflash.model.UniqueId;
import java.util.Objects;
import java.util.Optional;

/**
 * One target's line of the gang report.
 *
 * @param index      position in the request (0-based)
 * @param probe      the probe's {@code --probe} text
 * @param chip       the chip's summary, when it was identified
 * @param uniqueId   the chip's 96-bit unique ID, when it was read
 * @param targetData what per-target data was (or was to be) written; "" for none
 * @param outcome    written, failed or stopped
 * @param timing     host time from start to end of this target (simulated time when the target is simulated)
 */
public record GangTargetResult(int index, String probe, Optional<String> chip, Optional<UniqueId> uniqueId,
                               String targetData, GangOutcome outcome, OperationTiming timing) {

    public GangTargetResult {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(uniqueId, "'uniqueId' must not be null");
        Objects.requireNonNull(targetData, "'targetData' must not be null");
        Objects.requireNonNull(outcome, "'outcome' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
    }

    public boolean succeeded() {
        return outcome instanceof GangOutcome.Written;
    }
}
