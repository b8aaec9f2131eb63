/**
 * The device side of the ST-Link protocol: {@link io.blueflash.sim.stlink.StLinkEmulator} answers 16-byte
 * command blocks as V2, V2-1 or V3 firmware would (facts §D), doing its SWD work on the simulated chip through
 * {@code sim.probe.SwdProbeEngine}. JDK and {@code sim.*} only: it never sees the host-side code it is tested
 * against, so the two implementations of one protocol meet only in the bytes.
 */
package io.blueflash.sim.stlink;
