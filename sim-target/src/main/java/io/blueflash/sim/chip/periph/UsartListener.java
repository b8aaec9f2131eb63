package io.blueflash.sim.chip.periph;

import io.blueflash.sim.trace.SimTraceEvent;

/** Receives every frame a USART puts on its TX line, at the simulated instant its stop bit ends. */
@FunctionalInterface
public interface UsartListener {

    void onByte(SimTraceEvent.UsartByte sent);
}
