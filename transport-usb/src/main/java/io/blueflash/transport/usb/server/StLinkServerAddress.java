package io.blueflash.transport.usb.server;

import io.blueflash.port.out.ProbeNotFoundException;
import java.util.Objects;

/**
 * Where an stlink-server listens and which of its probes to use, from the argument of
 * {@code --probe stlink-server[:HOST:PORT[:SERIAL]]}. ST's server listens on 127.0.0.1:7184 by default,
 * the port OpenOCD's {@code hla_stlink_backend tcp} also assumes.
 *
 * @param host   host name or IPv4 address
 * @param port   TCP port
 * @param serial the probe's serial; empty to take the only probe the server offers
 */
public record StLinkServerAddress(String host, int port, String serial) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7184;

    public StLinkServerAddress {
        Objects.requireNonNull(host, "'host' must not be null");
        Objects.requireNonNull(serial, "'serial' must not be null");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("not an stlink-server address: " + host + ":" + port);
        }
    }

    /** "" → the default; "HOST:PORT"; "HOST:PORT:SERIAL". A malformed argument says what is expected. */
    public static StLinkServerAddress parse(String argument) {
        Objects.requireNonNull(argument, "'argument' must not be null");
        if (argument.isEmpty()) {
            return new StLinkServerAddress(DEFAULT_HOST, DEFAULT_PORT, "");
        }
        String[] parts = argument.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
            throw malformed(argument);
        }
        int port;
        try {
            port = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw malformed(argument);
        }
        if (port < 1 || port > 65535) {
            throw malformed(argument);
        }
        return new StLinkServerAddress(parts[0], port, parts.length == 3 ? parts[2] : "");
    }

    private static ProbeNotFoundException malformed(String argument) {
        return new ProbeNotFoundException("'stlink-server:" + argument + "' is not an stlink-server address;"
                + " expected --probe stlink-server, stlink-server:HOST:PORT or stlink-server:HOST:PORT:SERIAL"
                + " (default " + DEFAULT_HOST + ":" + DEFAULT_PORT + ")");
    }

    /** "127.0.0.1:7184", for messages. */
    public String endpoint() {
        return host + ":" + port;
    }
}
