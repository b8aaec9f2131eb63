package io.blueflash.sim.stlink.server;

import io.blueflash.sim.stlink.StLinkNoReplyException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stlink-server TCP protocol as OpenOCD's ST-Link driver speaks it ({@code hla_stlink_backend tcp
 * PORT}), serving one emulated ST-Link. Requests start with a command byte; every field is
 * little-endian; replies are fixed-size for each command:
 * <pre>
 *  0x06 server version   req 4  (code, API version, 2 reserved)     reply 16: API, major, minor, build (no status)
 *  0x00 refresh list     req 2  (code, clear flag)                  reply 4:  status
 *  0x01 device count     req 1                                      reply 4:  count (no status)
 *  0x02 device info      req 8  (code, index, 2 rsvd, info size 41) reply 45: status, device id, serial[32], VID u16, PID u16, in-use u8
 *  0x03 open device      req 8  (code, 3 rsvd, device id)           reply 8:  status, connection id
 *  0x04 close device     req 8  (code, 3 rsvd, connection id)       reply 4:  status
 *  0x05 USB command      req 32 (code, 3 rsvd, connection id, 16-byte ST-Link command, direction, 3 rsvd,
 *                                data size) + the data when direction is 0 (write)
 *                                                                   reply 4 + size when reading (direction 1, or 3 = SWO)
 * </pre>
 * The status word is 1 for success (OpenOCD's {@code STLINK_TCP_SS_OK}); 0x1001 reports a USB
 * command the ST-Link did not answer (a timeout), 0x1002 a bad parameter, 0x1053 a command that failed. Command 0x07 (clients of a device) is not sent by
 * OpenOCD 0.12 and ends the session with a message, as does any unknown code.
 *
 * <p>Like ST's stlink-server, which lets an IDE and a flashing tool share one probe, it serves several
 * client sessions at once ({@link #serve} may run on several threads): each "open device" gets its own
 * connection id, every open connection may send USB commands, and each command is whole before the
 * next one starts. The in-use flag of "device info" stays 0, since opening through this server is shared,
 * not exclusive (OpenOCD refuses a device whose flag is set).
 *
 * <p>The USB command is handed unchanged to the {@link StLinkUsbEndpoint}; the server adds no timing of
 * its own (the emulator charges its USB round trips on the chip's clock).
 */
public final class StLinkServer {

    public static final int STATUS_OK = 0x0000_0001;
    public static final int STATUS_TIMEOUT = 0x0000_1001;
    public static final int STATUS_BAD_PARAMETER = 0x0000_1002;
    public static final int STATUS_CMD_NOT_AVAILABLE = 0x0000_1053;
    public static final int API_VERSION = 2;

    private static final int DEVICE_ID = 0x5354_0001;
    private static final int DEVICE_INFO_SIZE = 41;
    private static final int MAX_DATA = 64 * 1024;

    private final StLinkUsbEndpoint endpoint;
    private final StLinkServerDevice device;
    private final Consumer<String> log;
    private final Set<Integer> openConnections = new HashSet<>();
    private int nextConnectionId = 1;
    private long usbCommands;

    public StLinkServer(StLinkUsbEndpoint endpoint, StLinkServerDevice device, Consumer<String> log) {
        if (endpoint == null) {
            throw new IllegalArgumentException("'endpoint' must not be null");
        }
        if (device == null) {
            throw new IllegalArgumentException("'device' must not be null");
        }
        if (log == null) {
            throw new IllegalArgumentException("'log' must not be null");
        }
        this.endpoint = endpoint;
        this.device = device;
        this.log = log;
    }

    /** USB commands forwarded so far, over all sessions. */
    public synchronized long usbCommands() {
        return usbCommands;
    }

    /** Connections open now, over all sessions. */
    public synchronized int openConnections() {
        return openConnections.size();
    }

    /**
     * Serves one client connection until it closes the socket (end of input) or sends an unknown
     * command; connections it left open are closed then, as a client that vanished cannot close them.
     */
    public void serve(InputStream input, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(input, 16 * 1024));
        Set<Integer> mine = new HashSet<>();
        try {
            while (true) {
                int code = in.read();
                if (code < 0) {
                    return;
                }
                byte[] reply = handle(code, in, mine);
                if (reply == null) {
                    return;
                }
                out.write(reply);
                out.flush();
            }
        } catch (EOFException truncated) {
            log.accept("stlink-server: client closed the connection in the middle of a request");
        } finally {
            synchronized (this) {
                openConnections.removeAll(mine);
            }
        }
    }

    private byte[] handle(int code, DataInputStream in, Set<Integer> mine) throws IOException {
        switch (code) {
            case 0x06 -> {
                skip(in, 3);
                return le(16).putInt(API_VERSION).putInt(2).putInt(1).putInt(0).array();
            }
            case 0x00 -> {
                skip(in, 1);
                return le(4).putInt(STATUS_OK).array();
            }
            case 0x01 -> {
                return le(4).putInt(1).array();
            }
            case 0x02 -> {
                int index = in.readUnsignedByte();
                skip(in, 2);
                int size = readIntLe(in);
                return deviceInfo(index, size);
            }
            case 0x03 -> {
                skip(in, 3);
                int deviceId = readIntLe(in);
                if (deviceId != DEVICE_ID) {
                    return le(8).putInt(STATUS_BAD_PARAMETER).putInt(0).array();
                }
                int connection = open();
                mine.add(connection);
                return le(8).putInt(STATUS_OK).putInt(connection).array();
            }
            case 0x04 -> {
                skip(in, 3);
                int connection = readIntLe(in);
                boolean known = mine.remove(connection);
                if (known) {
                    close(connection);
                }
                return le(4).putInt(known ? STATUS_OK : STATUS_BAD_PARAMETER).array();
            }
            case 0x05 -> {
                return usbCommand(in, mine);
            }
            default -> {
                log.accept(String.format("stlink-server: command 0x%02X is not supported; closing the session", code));
                return null;
            }
        }
    }

    private synchronized int open() {
        int connection = nextConnectionId++;
        openConnections.add(connection);
        return connection;
    }

    private synchronized void close(int connection) {
        openConnections.remove(connection);
    }

    private byte[] deviceInfo(int index, int size) {
        ByteBuffer reply = le(4 + DEVICE_INFO_SIZE);
        if (index != 0 || size != DEVICE_INFO_SIZE) {
            return reply.putInt(STATUS_BAD_PARAMETER).array();
        }
        byte[] serial = Arrays.copyOf(device.serial().getBytes(StandardCharsets.US_ASCII), StLinkServerDevice.SERIAL_SIZE);
        return reply.putInt(STATUS_OK).putInt(DEVICE_ID).put(serial)
                .putShort((short) device.vid()).putShort((short) device.pid())
                .put((byte) 0).array(); // shared, never exclusively in use
    }

    private byte[] usbCommand(DataInputStream in, Set<Integer> mine) throws IOException {
        skip(in, 3);
        int connection = readIntLe(in);
        byte[] command = new byte[16];
        in.readFully(command);
        int direction = in.readUnsignedByte();
        skip(in, 3);
        int size = readIntLe(in);
        if (size < 0 || size > MAX_DATA) {
            log.accept("stlink-server: USB command with an impossible data size " + Integer.toUnsignedString(size));
            return null;
        }
        byte[] dataOut = null;
        if (direction == 0) {
            dataOut = new byte[size];
            in.readFully(dataOut);
        }
        int replySize = direction == 0 ? 0 : size;
        ByteBuffer reply = le(4 + replySize);
        if (!mine.contains(connection) || (direction != 0 && direction != 1 && direction != 3)) {
            return reply.putInt(STATUS_BAD_PARAMETER).array();
        }
        if (direction == 3) {
            return reply.putInt(STATUS_OK).array(); // no SWO capture: an empty trace buffer
        }
        byte[] data;
        try {
            data = transfer(command, dataOut, replySize);
        } catch (StLinkNoReplyException e) {
            log.accept(String.format("stlink-server: the ST-Link did not answer %s (%s)", hex(command), e.getMessage()));
            return reply.putInt(STATUS_TIMEOUT).array();
        } catch (RuntimeException e) {
            log.accept(String.format("stlink-server: ST-Link command %s failed: %s", hex(command), e));
            return reply.putInt(STATUS_CMD_NOT_AVAILABLE).array();
        }
        reply.putInt(STATUS_OK);
        if (data != null) {
            reply.put(data, 0, Math.min(replySize, data.length));
        }
        return reply.array();
    }

    /** One command at a time, whichever session sends it. */
    private synchronized byte[] transfer(byte[] command, byte[] dataOut, int replySize) {
        usbCommands++;
        return endpoint.transfer(command, dataOut, replySize);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int readIntLe(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        in.readFully(new byte[n]);
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }
}
