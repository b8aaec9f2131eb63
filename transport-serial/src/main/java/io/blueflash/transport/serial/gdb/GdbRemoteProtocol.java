package io.blueflash.transport.serial.gdb;

import io.blueflash.model.TraceSink;
import io.blueflash.transport.serial.line.SerialLine;
import io.blueflash.transport.serial.line.SerialTimeoutException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Host end of the GDB remote serial protocol over a {@link SerialLine} (facts §F.2): sends
 * {@code $data#cs} packets, resends on {@code -} (at most {@link #MAX_ATTEMPTS} times, as BMP
 * itself does), receives replies, checks their checksum and asks for a resend with {@code -} when
 * it is wrong (again bounded), expands run-length encoding, and turns {@code E nn} replies into
 * {@link GdbErrorReplyException}. After {@link #startNoAckMode()} acknowledgements are skipped.
 *
 * <p>One request at a time; not thread-safe (like the line below it).
 */
public final class GdbRemoteProtocol {

    /** Sends and receives are tried this often before giving up (BMP retries 3 times, facts §F.2). */
    public static final int MAX_ATTEMPTS = 3;
    /** Default wait for a reply; flash operations pass longer ones. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final SerialLine line;
    private final Duration defaultTimeout;
    private final TraceSink trace;
    private boolean ackMode = true;
    /** {@link #awaitAck} already consumed the '$' that starts the reply. */
    private boolean replyStarted;
    /**
     * Until the first reply that is not a stop reply: a stop reply owed to an earlier session (its
     * {@code c} ended at a breakpoint or fault after it died) or to {@link #recover}'s interrupt may
     * still be on its way, and must not be taken for this session's first reply.
     */
    private boolean staleStopReplyPossible = true;
    /** True while no-ack mode rests only on a '$' that arrived where the acknowledgement was awaited. */
    private boolean noAckInferred;
    private long resends;

    public GdbRemoteProtocol(SerialLine line, Duration defaultTimeout, TraceSink trace) {
        this.line = Objects.requireNonNull(line, "'line' must not be null");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "'defaultTimeout' must not be null");
        this.trace = Objects.requireNonNull(trace, "'trace' must not be null");
    }

    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    public String portName() {
        return line.portName();
    }

    /** Packets sent again or asked for again because of a bad checksum, so far. */
    public long resends() {
        return resends;
    }

    public boolean ackMode() {
        return ackMode;
    }

    /** Sends a text command and returns the text reply; {@code E nn} becomes an exception. */
    public String request(String command) {
        return request(command, defaultTimeout);
    }

    public String request(String command, Duration timeout) {
        return RspCodec.ascii(exchange(command.getBytes(StandardCharsets.ISO_8859_1), command, timeout));
    }

    /**
     * Sends {@code payload} (already escaped where binary) and returns the reply body, run-length
     * expanded but not un-escaped. {@code description} names the request in messages.
     */
    public byte[] exchange(byte[] payload, String description, Duration timeout) {
        send(payload, description, timeout);
        byte[] reply = receive(description, timeout);
        while (staleStopReplyPossible && isStopReply(reply)) {
            trace("<- (late stop reply owed to an earlier session, discarded)");
            if (noAckInferred) {
                // that stale packet, not a no-ack probe, came where our acknowledgement was due
                ackMode = true;
                noAckInferred = false;
            }
            reply = receive(description, timeout);
        }
        staleStopReplyPossible = false;
        noAckInferred = false;
        failOnErrorReply(reply, description);
        return reply;
    }

    /**
     * Negotiates {@code QStartNoAckMode}; returns false (and keeps acknowledgements) when the server
     * does not support it.
     */
    public boolean startNoAckMode() {
        String reply = request("QStartNoAckMode");
        if (reply.equals("OK")) {
            ackMode = false;
            return true;
        }
        return false;
    }

    /**
     * Runs a monitor command ({@code qRcmd}, facts §F.1): collects the {@code O} output packets up
     * to the final {@code OK}, empty (unknown command) or hex text reply (failure).
     */
    public MonitorResult monitor(String command, Duration timeout) {
        String description = "monitor " + command;
        send(("qRcmd," + RspCodec.hexOf(command)).getBytes(StandardCharsets.US_ASCII), description, timeout);
        StringBuilder output = new StringBuilder();
        while (true) {
            String reply = RspCodec.ascii(receive(description, timeout));
            if (reply.equals("OK")) {
                return new MonitorResult(command, MonitorResult.Status.OK, output.toString());
            }
            if (reply.isEmpty()) {
                return new MonitorResult(command, MonitorResult.Status.UNSUPPORTED, output.toString());
            }
            if (reply.charAt(0) == 'O') {
                output.append(RspCodec.ascii(RspCodec.unhex(reply.substring(1))));
                continue;
            }
            failOnErrorReply(reply.getBytes(StandardCharsets.ISO_8859_1), description);
            output.append(RspCodec.ascii(RspCodec.unhex(reply)));
            return new MonitorResult(command, MonitorResult.Status.FAILED, output.toString());
        }
    }

    /** Sends a packet that has no immediate reply ({@code c}, {@code k}). */
    public void sendOnly(String command) {
        send(command.getBytes(StandardCharsets.ISO_8859_1), command, defaultTimeout);
    }

    /**
     * Brings a probe left in an unknown state by an interrupted session back to packet exchange: a
     * bare 0x03 stops a target an earlier session let run (the probe then answers a stop reply, or
     * nothing when the target was halted), and whatever it sends within {@code settle} is discarded.
     */
    public void recover(Duration settle) {
        trace("-> ^C (recovering the link after an interrupted session)");
        line.write(0x03);
        long end = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < end) {
            try {
                line.read(Duration.ofMillis(Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (SerialTimeoutException quiet) {
                break;
            }
        }
        line.discardInput();
        replyStarted = false;
        staleStopReplyPossible = true;
    }

    /**
     * A stop reply ({@code S05}, {@code T05thread:1;}: GDB RSP "Stop Reply Packets"). No request sent
     * after a recovery expects one, so a busy probe's late answer to the recovery interrupt is
     * recognised by its shape and skipped instead of being taken as the next request's reply.
     */
    private static boolean isStopReply(byte[] reply) {
        return reply.length >= 3 && (reply[0] == 'S' || reply[0] == 'T')
                && Character.digit(reply[1], 16) >= 0 && Character.digit(reply[2], 16) >= 0;
    }

    /** Sends GDB's interrupt (a bare 0x03 byte) and returns the stop reply ({@code T02...}). */
    public String interrupt(Duration timeout) {
        trace("-> ^C");
        line.write(0x03);
        return RspCodec.ascii(receive("interrupt (Ctrl-C)", timeout));
    }

    /** Waits for an asynchronous reply such as a stop reply after {@code c}. */
    public String awaitReply(String description, Duration timeout) {
        return RspCodec.ascii(receive(description, timeout));
    }

    private void send(byte[] payload, String description, Duration timeout) {
        byte[] frame = RspCodec.frame(payload);
        for (int attempt = 1; ; attempt++) {
            trace("-> " + RspCodec.abbreviate(RspCodec.ascii(payload)));
            line.write(frame);
            if (!ackMode) {
                return;
            }
            int ack = awaitAck(description, timeout);
            if (ack == '+') {
                return;
            }
            resends++;
            if (attempt >= MAX_ATTEMPTS) {
                throw new RspProtocolException(String.format(
                        "Black Magic Probe on %s rejected '%s' %d times (bad checksum on the line?): check the"
                                + " USB cable and that no other program uses the port", line.portName(),
                        shorten(description), MAX_ATTEMPTS));
            }
        }
    }

    /**
     * Reads up to the next '+' or '-'; other bytes before it are line noise and skipped. A '$' instead
     * is the reply itself, unacknowledged: the probe is still in no-acknowledgement mode from an earlier
     * session that ended without closing the port (killed, unplugged cable). Acknowledgements are then
     * off for this session too, as the probe has them, and the reply is read from that '$' on.
     */
    private int awaitAck(String description, Duration timeout) {
        while (true) {
            int b = readByte(description, timeout, "acknowledgement");
            if (b == '+' || b == '-') {
                return b;
            }
            if (b == '$') {
                ackMode = false;
                noAckInferred = true;
                replyStarted = true;
                trace("<- reply without acknowledgement: the probe is in no-ack mode (QStartNoAckMode of an earlier session)");
                return '+';
            }
        }
    }

    private byte[] receive(String description, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            int b = '$';
            if (!replyStarted) {
                do {
                    b = readByte(description, timeout, "reply");
                } while (b != '$');
            }
            replyStarted = false;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int sum = 0;
            while ((b = readByte(description, timeout, "reply")) != '#') {
                body.write(b);
                sum += b;
            }
            int high = Character.digit(readByte(description, timeout, "checksum"), 16);
            int low = Character.digit(readByte(description, timeout, "checksum"), 16);
            boolean good = high >= 0 && low >= 0 && ((high << 4) | low) == (sum & 0xFF);
            if (good || !ackMode) {
                if (ackMode) {
                    line.write('+');
                }
                byte[] reply = RspCodec.expandRunLength(body.toByteArray());
                trace("<- " + RspCodec.abbreviate(RspCodec.ascii(reply)));
                return reply;
            }
            line.write('-');
            resends++;
            trace("<- bad checksum, asked for a resend");
            if (attempt >= MAX_ATTEMPTS) {
                throw new RspProtocolException(String.format(
                        "reply to '%s' from Black Magic Probe on %s had a bad checksum %d times: the line is"
                                + " corrupting data (check the USB cable)", shorten(description),
                        line.portName(), MAX_ATTEMPTS));
            }
        }
    }

    private int readByte(String description, Duration timeout, String what) {
        try {
            return line.read(timeout);
        } catch (SerialTimeoutException e) {
            throw new RspTimeoutException(String.format(
                    "no %s from Black Magic Probe on %s to '%s' within %d ms: is it the probe's GDB server"
                            + " port (the first of its two serial ports) and is nothing else using it?",
                    what, line.portName(), shorten(description), timeout.toMillis()), e);
        }
    }

    private static void failOnErrorReply(byte[] reply, String description) {
        if (reply.length == 3 && reply[0] == 'E' && Character.digit(reply[1], 16) >= 0
                && Character.digit(reply[2], 16) >= 0) {
            int code = Integer.parseInt(RspCodec.ascii(reply).substring(1), 16);
            throw new GdbErrorReplyException(shorten(description), code, hintFor(description));
        }
    }

    private static String hintFor(String description) {
        if (description.startsWith("vFlash")) {
            return "flash operation failed (write-protected page, read-out protection, or not erased)";
        }
        if (description.startsWith("m") || description.startsWith("M") || description.startsWith("X")) {
            return "the target answered the memory access with a bus error (unmapped or protected address)";
        }
        if (description.startsWith("vAttach")) {
            return "attach failed: run 'monitor swd_scan' first and check the target list";
        }
        return "";
    }

    private static String shorten(String description) {
        return RspCodec.abbreviate(description);
    }

    private void trace(String text) {
        trace.trace("rsp", -1, text);
    }
}
