package io.blueflash.sim.chip;

import java.util.Locale;

/** Formats simulated durations for traces and reports ("52.5 µs", "30.000 ms", "1.921 s"). */
public final class SimTimes {

    private SimTimes() {
    }

    public static String format(long nanos) {
        if (nanos < 1_000L) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
