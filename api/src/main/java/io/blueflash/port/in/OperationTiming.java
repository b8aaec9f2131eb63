package io.blueflash.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an operation took.
 *
 * @param wall      host time spent
 * @param simulated what real hardware would have taken, when the target is the simulator (its
 *                  clock advanced by the operation); empty on real hardware
 */
public record OperationTiming(Duration wall, Optional<Duration> simulated) {

    public OperationTiming {
        Objects.requireNonNull(wall, "'wall' must not be null");
        Objects.requireNonNull(simulated, "'simulated' must not be null");
    }
}
