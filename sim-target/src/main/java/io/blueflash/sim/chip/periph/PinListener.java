package io.blueflash.sim.chip.periph;

import io.blueflash.sim.trace.SimTraceEvent;

/** Told of every edge on a pin the chip drives, with its simulated time (a test bench's logic analyser). */
@FunctionalInterface
public interface PinListener {

    void onEdge(SimTraceEvent.GpioEdge edge);
}
