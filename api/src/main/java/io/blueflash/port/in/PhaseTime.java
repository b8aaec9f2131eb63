package io.blueflash.port.in;

import io.blueflash.progress.FlashPhase;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long one phase of an operation took.
 *
 * @param phase     the phase
 * @param bytes     the phase's work in bytes (page bytes for an erase)
 * @param wall      host time spent
 * @param simulated what real hardware would have taken (the simulator's clock); empty on real hardware
 */
public record PhaseTime(FlashPhase phase, long bytes, Duration wall, Optional<Duration> simulated) {

    public PhaseTime {
        Objects.requireNonNull(phase, "'phase' must not be null");
        Objects.requireNonNull(wall, "'wall' must not be null");
        Objects.requireNonNull(simulated, "'simulated' must not be null");
    }

    /** The simulated time when there is one, else the wall time. */
    public Duration shown() {
        return simulated.orElse(wall);
    }
}
