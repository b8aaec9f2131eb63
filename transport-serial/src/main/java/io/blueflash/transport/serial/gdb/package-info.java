/**
 * Black Magic Probe transport: the host end of the GDB remote serial protocol (facts §F) over a
 * {@link io.blueflash.transport.serial.line.SerialLine}.
 *
 * <p>{@link io.blueflash.transport.serial.gdb.RspCodec} holds the byte rules (framing, checksum,
 * escaping, run-length expansion); {@link io.blueflash.transport.serial.gdb.GdbRemoteProtocol} the
 * exchange rules (acknowledgements, bounded resends, timeouts, {@code E nn}, monitor output);
 * {@link io.blueflash.transport.serial.gdb.BlackMagicTargetConnection} the attach flow and the three
 * views it offers (memory through m/M/X, native flash through vFlash*, core control through
 * Ctrl-C/c/p/P/monitor reset), each in its own class; {@link
 * io.blueflash.transport.serial.gdb.BlackMagicProbeConnector} is the {@code bmp:PORT} entry point.
 */
package io.blueflash.transport.serial.gdb;
