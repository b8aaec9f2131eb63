package io.blueflash.sim.trace;

/** Receives every {@link SimTraceEvent} of one chip, synchronously, in simulated-time order. */
@FunctionalInterface
public interface SimTraceListener {

    void onEvent(SimTraceEvent event);
}
