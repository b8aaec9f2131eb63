/**
 * Driven ports: what the core needs from a probe and a target. Every transport (ST-Link over USB,
 * serial probes, the simulator) implements these; the core never sees a transport class.
 *
 * <p>Addresses and register values are Java {@code int}s holding the unsigned 32-bit bus value
 * ({@code 0xE000_EDF0} is negative as an {@code int}); use {@link java.lang.Integer#toUnsignedLong}
 * for arithmetic across the sign bit.
 */
package io.blueflash.port.out;
