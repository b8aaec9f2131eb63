package io.blueflash.sim.chip;

/**
 * The simulator's one clock, in nanoseconds of simulated time (DESIGN §3). Nothing in the sim
 * sleeps: every SWD bit, UART byte, USB round trip and flash BSY period advances this clock.
 * Not thread-safe: one simulated chip is driven by one thread at a time.
 */
public final class SimClock {

    private long nanos;

    public long nanos() {
        return nanos;
    }

    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + deltaNanos + " ns");
        }
        nanos += deltaNanos;
    }

    /** Moves the clock forward to {@code targetNanos} if it is in the future. */
    public void advanceTo(long targetNanos) {
        if (targetNanos > nanos) {
            nanos = targetNanos;
        }
    }
}
