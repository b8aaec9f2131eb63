/**
 * The simulator as a transport ({@code --probe sim[:PROFILE]}): a {@link io.blueflash.port.out.ProbeConnector}
 * whose connections drive the simulated chip's SW-DP through api's {@code debug.adi} and
 * {@code debug.cortexm}. The only sim package that depends on api.
 */
package io.blueflash.sim.adapter;
