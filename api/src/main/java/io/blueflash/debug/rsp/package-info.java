/**
 * Byte-level rules of the GDB remote serial protocol shared by both ends we implement: the
 * host-side client of a Black Magic Probe ({@code transport-serial}) and {@code blueflash gdb-server}.
 * Framing only; what a packet means stays with each end. The simulator's device-side peer
 * ({@code sim.gdb}) keeps its own codec on purpose: it is the independent other side in tests.
 */
package io.blueflash.debug.rsp;
