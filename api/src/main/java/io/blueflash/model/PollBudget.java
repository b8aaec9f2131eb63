package io.blueflash.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to keep polling a status bit (DHCSR.S_HALT, FLASH_SR.BSY) before giving up.
 *
 * <p>A poll gives up only when <em>both</em> limits are spent: at least {@code minAttempts} reads
 * and at least {@code wallTimeout} of host time. The attempt floor keeps a simulated target (whose
 * clock advances with each read, not with host time) from failing on a slow, busy host; the wall
 * timeout bounds how long a dead real target can stall the tool. No sleeping happens in between:
 * each read over the probe paces the loop.
 *
 * @param minAttempts reads always made before the wall timeout is considered
 * @param wallTimeout host time after which a target that still has not answered is reported
 */
public record PollBudget(int minAttempts, Duration wallTimeout) {

    public PollBudget {
        Objects.requireNonNull(wallTimeout, "'wallTimeout' must not be null");
        if (minAttempts < 1) {
            throw new IllegalArgumentException("'minAttempts' must be at least 1: " + minAttempts);
        }
        if (wallTimeout.isNegative()) {
            throw new IllegalArgumentException("'wallTimeout' must not be negative: " + wallTimeout);
        }
    }

    /** A budget of exactly {@code attempts} reads, whatever the host time: for tests. */
    public static PollBudget attempts(int attempts) {
        return new PollBudget(attempts, Duration.ZERO);
    }

    /** Starts counting now. */
    public Poll start() {
        return new Poll(this, System.nanoTime());
    }

    /** One running poll: call {@link #spent()} after each unsuccessful read. */
    public static final class Poll {
        private final PollBudget budget;
        private final long startNanos;
        private int attempts;

        private Poll(PollBudget budget, long startNanos) {
            this.budget = budget;
            this.startNanos = startNanos;
        }

        /** Counts one more read and says whether the budget is now spent. */
        public boolean spent() {
            attempts++;
            return attempts >= budget.minAttempts
                    && System.nanoTime() - startNanos >= budget.wallTimeout.toNanos();
        }

        public int attempts() {
            return attempts;
        }
    }
}
