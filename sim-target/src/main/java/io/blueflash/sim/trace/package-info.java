/**
 * What the simulated chip reports as it runs (issue 15): {@link io.blueflash.sim.trace.SimTraceEvent}
 * (SWD transactions with their {@link io.blueflash.sim.trace.SwdAck}, decoded bus accesses, flash,
 * GPIO, USART and core events), the {@link io.blueflash.sim.trace.SimTracer} every part emits through
 * and the listener interface front ends subscribe with. Below the debug port, the core and the
 * peripherals, beside {@code sim.bus}. JDK only.
 */
package io.blueflash.sim.trace;
