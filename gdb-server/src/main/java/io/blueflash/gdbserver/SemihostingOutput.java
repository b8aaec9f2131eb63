package io.blueflash.gdbserver;

/** Where the firmware's semihosting console output (SYS_WRITEC, SYS_WRITE0, SYS_WRITE) goes. */
public enum SemihostingOutput {
    /** To gdb's console as {@code O} packets while the target runs (GDB manual, Stop Reply Packets). */
    GDB,
    /** To the server's standard output. */
    STDOUT
}
