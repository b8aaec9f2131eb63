package io.blueflash.gdbserver;

import java.net.InetAddress;
import java.util.Objects;

/**
 * @param bind        the address to listen on (127.0.0.1 by default: a debug port reaches the whole chip)
 * @param port        TCP port; 0 picks a free one ({@link GdbServer#port()} tells which)
 * @param semihosting where the firmware's semihosting output goes
 * @param logPackets  log every packet gdb sends (but the data of loads and binary writes) to the server's log
 */
public record GdbServerConfig(InetAddress bind, int port, SemihostingOutput semihosting, boolean logPackets) {

    /** st-util's port. */
    public static final int DEFAULT_PORT = 4242;

    public GdbServerConfig {
        Objects.requireNonNull(bind, "'bind' must not be null");
        Objects.requireNonNull(semihosting, "'semihosting' must not be null");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("TCP port must be 0..65535: " + port);
        }
    }

    /** 127.0.0.1:{@code port}, semihosting output to gdb. */
    public static GdbServerConfig loopback(int port) {
        return new GdbServerConfig(InetAddress.getLoopbackAddress(), port, SemihostingOutput.GDB, false);
    }
}
