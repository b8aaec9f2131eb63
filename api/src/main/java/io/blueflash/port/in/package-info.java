/**
 * Driving ports: the use cases the CLI (or any other front end) calls. Each takes one request
 * record carrying the {@link io.blueflash.model.ProbeSelector} and {@link io.blueflash.model.ConnectOptions}
 * and returns one report record. Depends on {@code model}, {@code image} and {@code progress} only;
 * never on {@code port.out}.
 *
 * <p>Failures are unchecked exceptions with messages written for the user: see
 * {@code io.blueflash.flash.FlashException} and its subclasses for flash problems, and
 * {@code io.blueflash.port.out.TargetCommunicationException} (with {@code ProbeNotFoundException},
 * {@code MemoryFaultException}) for probe and wire problems.
 */
package io.blueflash.port.in;
