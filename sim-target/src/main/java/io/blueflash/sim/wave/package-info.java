/**
 * Waveforms of the simulated chip's wires as value change dumps (IEEE 1364 VCD) for GTKWave,
 * PulseView and sigrok-cli: the SWD connector drawn bit by bit from DP transactions, and a streaming
 * {@link io.blueflash.sim.wave.VcdWriter} with bounded memory and a size cap. JDK only.
 */
package io.blueflash.sim.wave;
