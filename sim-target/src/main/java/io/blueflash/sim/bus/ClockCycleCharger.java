package io.blueflash.sim.bus;

/**
 * Charges cycles of another clock (a JTAG adapter's TCK) to the chip's {@link SimClock}: n cycles at
 * f Hz cost exactly n/f, so the sub-nanosecond remainder of each charge is carried to the next one
 * instead of being rounded away (a 1 MHz TCK cycle is 1000 ns, a 3 MHz one 333.3 ns).
 */
public final class ClockCycleCharger {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final SimClock clock;
    private long nanoRemainder;

    public ClockCycleCharger(SimClock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("'clock' must not be null");
        }
        this.clock = clock;
    }

    /** Advances the chip's clock by {@code cycles} periods of {@code hz} (1 Hz to 1 GHz). */
    public void charge(long cycles, long hz) {
        if (hz <= 0 || hz > NANOS_PER_SECOND) {
            throw new IllegalArgumentException("frequency must be 1 Hz to 1 GHz: " + hz + " Hz");
        }
        if (cycles == 0) {
            return;
        }
        long total = cycles * NANOS_PER_SECOND + nanoRemainder;
        nanoRemainder = total % hz;
        clock.advance(total / hz);
    }
}
