package io.blueflash.transport.usb.server;

import io.blueflash.port.out.ProbeLinkException;
import io.blueflash.port.out.ProbeNotFoundException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One TCP connection to an stlink-server, speaking its protocol as OpenOCD's {@code stlink_tcp}
 * backend does: every request starts with a command byte, every field is little-endian, and the
 * replies of most commands start with a status word that is 1 for success.
 * <pre>
 *  0x06 server version  req 4  (code, API version 1, 2 reserved)   reply 16 (no status)
 *  0x00 refresh list    req 2                                     reply 4: status
 *  0x01 device count    req 1                                     reply 4: count (no status)
 *  0x02 device info     req 8  (code, index, 2 rsvd, size 41)     reply 45: status, device id, serial[32], VID, PID, in use
 *  0x03 open device     req 8  (code, 3 rsvd, device id)          reply 8: status, connection id
 *  0x04 close device    req 8  (code, 3 rsvd, connection id)      reply 4: status
 *  0x05 USB command     req 32 (code, 3 rsvd, connection id, 16-byte command, direction 0 write / 1 read,
 *                               3 rsvd, size) + the data of a write  reply 4 + size of a read: status, data
 * </pre>
 * Status 0x1001 means the probe did not answer the USB command.
 */
final class StLinkServerConnection implements AutoCloseable {

    static final int STATUS_OK = 1;
    static final int STATUS_USB_TIMEOUT = 0x1001;
    private static final int API_VERSION = 1;
    private static final int INFO_SIZE = 41;
    private static final int SERIAL_SIZE = 32;
    private static final int CONNECT_TIMEOUT_MS = 3000;
    /** A reply slower than this means the server or its probe hangs (stlink waits 3 s per USB transfer). */
    static final int READ_TIMEOUT_MS = 10_000;

    private final StLinkServerAddress address;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private StLinkServerConnection(StLinkServerAddress address, Socket socket) throws IOException {
        this.address = address;
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and asks the server's version (the first request OpenOCD sends). */
    static StLinkServerConnection open(StLinkServerAddress address) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ProbeNotFoundException("no stlink-server at " + address.endpoint() + " (" + e.getMessage()
                    + "). Start ST's stlink-server, or serve the simulated chip with"
                    + " blueflash sim serve --stlink-tcp " + address.port() + " --state FILE", e);
        }
        try {
            StLinkServerConnection connection = new StLinkServerConnection(address, socket);
            connection.exchange(le(4).put((byte) 0x06).put((byte) API_VERSION), 16);
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e instanceof ProbeLinkException t ? t : lost(address, e);
        }
    }

    /** The probes the server offers now (after a refresh of its device list). */
    List<StLinkServerDevice> devices() {
        status(exchange(le(2).put((byte) 0x00), 4), "refresh its device list");
        int count = exchange(le(1).put((byte) 0x01), 4).getInt();
        List<StLinkServerDevice> devices = new ArrayList<>();
        for (int index = 0; index < count && index < 256; index++) {
            ByteBuffer reply = exchange(le(8).put((byte) 0x02).put((byte) index).putShort((short) 0)
                    .putInt(INFO_SIZE), 4 + INFO_SIZE);
            if (reply.getInt() != STATUS_OK) {
                continue;
            }
            int deviceId = reply.getInt();
            byte[] serial = new byte[SERIAL_SIZE];
            reply.get(serial);
            int vid = reply.getShort() & 0xFFFF;
            int pid = reply.getShort() & 0xFFFF;
            boolean inUse = reply.get() != 0;
            devices.add(new StLinkServerDevice(deviceId, text(serial), vid, pid, inUse));
        }
        return devices;
    }

    /** Opens a probe; returns the connection id its USB commands carry. */
    int openDevice(StLinkServerDevice device) {
        ByteBuffer reply = exchange(le(8).put((byte) 0x03).position(4).putInt(device.deviceId()), 8);
        status(reply, "open ST-Link " + device.serial());
        return reply.getInt();
    }

    /**
     * One ST-Link command: {@code dataOut} (or nothing) written after the block, or {@code replyLength}
     * bytes read back.
     */
    byte[] usbCommand(int connectionId, byte[] command16, byte[] dataOut, int replyLength) {
        boolean write = replyLength == 0;
        byte[] data = write && dataOut != null ? dataOut : new byte[0];
        ByteBuffer request = le(32 + data.length).put((byte) 0x05).position(4).putInt(connectionId).put(command16)
                .put((byte) (write ? 0 : 1)).position(28).putInt(write ? data.length : replyLength).put(data);
        ByteBuffer reply = exchange(request, 4 + (write ? 0 : replyLength));
        int status = reply.getInt();
        if (status == STATUS_USB_TIMEOUT) {
            throw new ProbeLinkException(String.format("the ST-Link behind the stlink-server at %s did"
                    + " not answer command %02X %02X", address.endpoint(), command16[0], command16[1]));
        }
        if (status != STATUS_OK) {
            throw new ProbeLinkException(String.format("the stlink-server at %s refused ST-Link command"
                    + " %02X %02X (status 0x%X)", address.endpoint(), command16[0], command16[1], status));
        }
        byte[] result = new byte[replyLength];
        reply.get(result);
        return result;
    }

    /** Closes the probe's connection id; failures are ignored, the socket closes anyway. */
    void closeDevice(int connectionId) {
        try {
            exchange(le(8).put((byte) 0x04).position(4).putInt(connectionId), 4);
        } catch (ProbeLinkException e) {
            // the socket is closed next; the server closes what the client left open
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private ByteBuffer exchange(ByteBuffer request, int replySize) {
        try {
            out.write(request.array());
            out.flush();
            byte[] reply = new byte[replySize];
            in.readFully(reply);
            return ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        } catch (SocketTimeoutException e) {
            throw new ProbeLinkException("the stlink-server at " + address.endpoint()
                    + " did not answer within " + READ_TIMEOUT_MS + " ms", e);
        } catch (IOException e) {
            throw lost(address, e);
        }
    }

    private void status(ByteBuffer reply, String what) {
        int status = reply.getInt();
        if (status != STATUS_OK) {
            throw new ProbeLinkException(String.format("the stlink-server at %s could not %s (status 0x%X)",
                    address.endpoint(), what, status));
        }
    }

    private static ProbeLinkException lost(StLinkServerAddress address, Exception e) {
        return new ProbeLinkException("lost the stlink-server at " + address.endpoint() + " ("
                + e.getMessage() + ")", e);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String text(byte[] zeroPadded) {
        int end = 0;
        while (end < zeroPadded.length && zeroPadded[end] != 0) {
            end++;
        }
        return new String(zeroPadded, 0, end, StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
