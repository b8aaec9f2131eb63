package io.blueflash.sim.cpu;

/**
 * The core's own time: a count of core clock cycles and its exact conversion to simulated
 * nanoseconds at the current HCLK frequency. The conversion keeps the fractional nanoseconds in
 * an accumulator, so a 72 MHz core (13.888… ns per cycle) does not drift from the chip's clock
 * however long it runs. {@link #cycles} counts only cycles the core spends running or asleep (not
 * halted), which is also what SysTick and DWT_CYCCNT see.
 */
final class CoreTime {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Re-anchor before {@code cycles × 10^9} could overflow a long. */
    private static final long REANCHOR_CYCLES = 1L << 32;

    /** Core clock cycles elapsed (running or sleeping) since power-on. */
    long cycles;
    private long hz = 8_000_000L;
    private long anchorCycles;
    private long anchorNanos;
    /** Fraction of a nanosecond at the anchor, in units of 1/hz ns. */
    private long anchorRemainder;

    long hz() {
        return hz;
    }

    /** Simulated time of the core now. */
    long nanos() {
        return nanosAt(cycles);
    }

    long nanosAt(long cycle) {
        return anchorNanos + (anchorRemainder + (cycle - anchorCycles) * NANOS_PER_SECOND) / hz;
    }

    /** The first cycle count whose time is at or after {@code nanos} (never before {@link #cycles}). */
    long cycleAt(long nanos) {
        long span = nanos - anchorNanos;
        if (span <= 0) {
            return Math.max(cycles, anchorCycles);
        }
        span = Math.min(span, NANOS_PER_SECOND * 60);
        long needed = span * hz - anchorRemainder;
        long delta = (needed + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        return Math.max(cycles, anchorCycles + delta);
    }

    /** Keeps the arithmetic in range; exact (the remainder carries the fraction). */
    void reanchorIfFar() {
        if (cycles - anchorCycles > REANCHOR_CYCLES) {
            reanchorExactly();
        }
    }

    private void reanchorExactly() {
        long total = anchorRemainder + (cycles - anchorCycles) * NANOS_PER_SECOND;
        anchorNanos += total / hz;
        anchorRemainder = total % hz;
        anchorCycles = cycles;
    }

    /** The core did not run (halted, in reset) while the chip's clock moved on: resume from {@code nanos}. */
    void follow(long nanos) {
        if (nanos > nanos()) {
            anchorCycles = cycles;
            anchorNanos = nanos;
            anchorRemainder = 0;
        }
    }

    /** The core was stalled until {@code nanos} (a bus stall, a sleep): the cycles it spent waiting count. */
    void stallUntil(long nanos) {
        long target = cycleAt(nanos);
        if (target > cycles) {
            cycles = target;
        }
    }

    /** HCLK changed (RCC): later cycles take the new period; time so far is kept exactly. */
    void setHz(long newHz) {
        if (newHz <= 0) {
            throw new IllegalArgumentException("HCLK must be positive: " + newHz + " Hz");
        }
        if (newHz != hz) {
            reanchorExactly();
            // rescale the fractional nanosecond to the new unit (1/newHz ns), rounding down
            anchorRemainder = anchorRemainder * newHz / hz;
            hz = newHz;
        }
    }
}
