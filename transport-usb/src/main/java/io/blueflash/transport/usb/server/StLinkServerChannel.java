package io.blueflash.transport.usb.server;

import io.blueflash.transport.usb.stlink.StLinkChannel;

/**
 * An ST-Link reached through an stlink-server: each command block and its data phase or reply
 * travel as one "USB command" of the server's protocol, so the ST-Link protocol code above is the
 * same as over USB. Closing closes the server-side connection, then the socket.
 */
public final class StLinkServerChannel implements StLinkChannel {

    private final StLinkServerConnection connection;
    private final int connectionId;
    private boolean closed;

    StLinkServerChannel(StLinkServerConnection connection, int connectionId) {
        this.connection = connection;
        this.connectionId = connectionId;
    }

    @Override
    public byte[] transfer(byte[] command16, byte[] dataOut, int replyLength) {
        if (closed) {
            throw new IllegalStateException("channel closed");
        }
        if (command16.length != 16) {
            throw new IllegalArgumentException("an ST-Link command block is 16 bytes, got " + command16.length);
        }
        if (dataOut != null && dataOut.length > 0 && replyLength > 0) {
            throw new IllegalArgumentException("an ST-Link command has a data phase or a reply, not both");
        }
        return connection.usbCommand(connectionId, command16, dataOut, replyLength);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.closeDevice(connectionId);
        } finally {
            connection.close();
        }
    }
}
