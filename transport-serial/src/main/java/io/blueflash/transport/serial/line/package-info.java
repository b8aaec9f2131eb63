/**
 * The serial seam: {@link io.blueflash.transport.serial.line.SerialLine} and its settings, the one
 * jssc-backed implementation, and a stream-backed one for in-process emulators and TCP bridges.
 */
package io.blueflash.transport.serial.line;
