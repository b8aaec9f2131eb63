/**
 * {@code blueflash gdb-server}: the GDB remote serial protocol over TCP (what st-util does), for any
 * probe whose connection offers {@code MemoryAccess} and {@code CoreControl}. A driving adapter: it
 * reads and writes the target through the core's driven ports, programs flash through the write and
 * erase use cases (so gdb's {@code load} gets the planner: unchanged pages skipped, other bytes of
 * touched pages kept, verify), and knows no transport and no service (ArchUnit, in cli).
 *
 * <p>The simulator's Black Magic Probe emulator ({@code sim.gdb}) is a GDB server too, with its own
 * FPB/DWT programming, qCRC and packet codec: on purpose, as the device-side peer that tests the
 * host-side BMP client independently, it depends on no api class. Framing shared by our two host-side
 * ends lives in api ({@code debug.rsp.RspFrames}).
 */
package io.blueflash.gdbserver;
