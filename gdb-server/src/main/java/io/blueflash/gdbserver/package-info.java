/**
 * {@code blueflash gdb-server}: the GDB remote serial protocol over TCP (what st-util does), for any
 * probe whose connection offers {@code MemoryAccess} and {@code CoreControl}. A driving adapter: it
 * reads and writes the target through the core's driven ports, programs flash through the write and
 * erase use cases (so gdb's {@code load} gets the planner: unchanged pages skipped, other bytes of
 * touched pages kept, verify), and knows no transport and no service (ArchUnit, in cli).
 */
package io.blueflash.gdbserver;
