/**
 * What probe firmware does over SWD ({@link io.blueflash.sim.probe.SwdProbeEngine}, CONTRACTS C2):
 * connect, DP/AP registers, MEM-AP memory and core registers, shared by the probe emulators. JDK and
 * {@code sim.debug} only.
 */
package io.blueflash.sim.probe;
