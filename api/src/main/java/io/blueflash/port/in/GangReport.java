package io.blueflash.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a gang write did, one result per target in request order.
 *
 * @param targets one result per target
 * @param wall    host time of the whole gang, from the first start to the last end
 */
public record GangReport(List<GangTargetResult> targets, Duration wall) {

    public GangReport {
        targets = List.copyOf(Objects.requireNonNull(targets, "'targets' must not be null"));
        Objects.requireNonNull(wall, "'wall' must not be null");
    }

    public boolean allSucceeded() {
        return targets.stream().allMatch(GangTargetResult::succeeded);
    }

    public long succeeded() {
        return targets.stream().filter(GangTargetResult::succeeded).count();
    }

    /** The first target, in request order, that did not succeed. */
    public Optional<GangTargetResult> firstFailure() {
        return targets.stream().filter(t -> !t.succeeded()).findFirst();
    }
}
