package io.blueflash.sim.jtag;

import io.blueflash.sim.bus.ClockCycleCharger;
import io.blueflash.sim.bus.SimClock;

/**
 * What TCK cycles cost on the chip's clock: each cycle one period of the adapter's TCK frequency.
 * OpenOCD's remote_bitbang carries no clock rate (the client sets pins as fast as the socket goes),
 * so the rate is the served board's adapter speed, given to {@code sim serve --jtag-khz}.
 *
 * <p>Cycles are counted one by one and charged in batches ({@link #charge()}) before anything that
 * depends on time: a TAP register action, a reset pin change, a reply to the client. n cycles cost
 * exactly n/f ({@link ClockCycleCharger}).
 */
public final class TckClock {

    /**
     * 1 MHz: the {@code adapter speed 1000} of OpenOCD's own {@code target/stm32f1x.cfg}, which keeps
     * JTAG at most F_CPU/6 with the 8 MHz HSI the F1 runs on after reset.
     */
    public static final long DEFAULT_HZ = 1_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ClockCycleCharger charger;
    private final long hz;
    private long pendingCycles;
    private long cycles;

    public TckClock(SimClock clock, long hz) {
        if (clock == null) {
            throw new IllegalArgumentException("'clock' must not be null");
        }
        if (hz <= 0 || hz > NANOS_PER_SECOND) {
            throw new IllegalArgumentException("TCK frequency must be 1 Hz to 1 GHz: " + hz + " Hz");
        }
        this.charger = new ClockCycleCharger(clock);
        this.hz = hz;
    }

    public long hz() {
        return hz;
    }

    /** TCK cycles seen so far, charged or not. */
    public long cycles() {
        return cycles;
    }

    /** One more TCK cycle (a rising edge). */
    void cycle() {
        pendingCycles++;
        cycles++;
    }

    /** Advances the chip's clock by the cycles counted since the last charge. */
    public void charge() {
        charger.charge(pendingCycles, hz);
        pendingCycles = 0;
    }
}
