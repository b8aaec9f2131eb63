package io.blueflash.sim.gdb;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.chip.Stm32F103;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A Black Magic Probe's GDB server attached to a simulated STM32F103 (facts §F): the device end of
 * the GDB remote serial protocol, speaking to GDB (or blueflash's BMP transport) over any byte
 * stream — in-memory pipes, a pty, or TCP through {@link GdbTcpServer}.
 *
 * <p>Supported: acknowledgements and {@code QStartNoAckMode}, {@code qSupported} as BMP answers it,
 * {@code qRcmd} monitor commands ({@code swd_scan}, {@code jtag_scan}, {@code targets}, {@code reset},
 * {@code option erase}, {@code help}; unknown ones get the empty reply), {@code vAttach},
 * {@code qXfer:features:read} (ARM M-profile target.xml) and {@code qXfer:memory-map:read},
 * {@code g G p P m M X}, {@code qCRC} (used by {@code compare-sections}), {@code vFlashErase
 * vFlashWrite vFlashDone}, thread queries, {@code ? H qC qAttached vCont? c s D k} and Ctrl-C;
 * {@code Z0}/{@code Z1} hardware breakpoints (FPB) and {@code Z2}–{@code Z4} watchpoints (DWT) as
 * BMP's cortexm driver sets them ({@link CortexMBreakUnits}). After {@code c} the probe polls DHCSR
 * until the core halts, reads DFSR and writes it back (clearing it, as BMP's halt poll does) and then
 * sends the stop reply (with {@code watch:ADDR;} for a watchpoint), as BMP does; a byte from GDB meanwhile (Ctrl-C, or a packet such as {@code D}) is served instead.
 *
 * <p>Time: every SWD transaction the probe performs costs its bits on the chip's clock, and the
 * USB CDC link adds {@link UsbCdcLinkModel} per request and per bulk transfer. One thread serves one session;
 * the chip must not be used by anyone else meanwhile.
 */
public final class GdbServerEmulator {

    /** BMP's qSupported reply (facts §F.2); PacketSize is hex: 0x400 = 1024 bytes. */
    static final String SUPPORTED =
            "PacketSize=400;qXfer:memory-map:read+;qXfer:features:read+;vContSupported+;QStartNoAckMode+";
    /** Bytes of text per O packet: BMP's hex-encoded output payload stays within 511 characters. */
    private static final int OUTPUT_CHUNK = 255;
    private static final HexFormat HEX = HexFormat.of();
    /** Bytes of target memory BMP's qCRC reads at a time (its firmware's buffer). */
    static final int CRC_READ_CHUNK = 128;
    /** Simulated time between two DHCSR polls while the core runs (beside the poll's own SWD time). */
    static final long RUNNING_POLL_NANOS = 100_000;

    private final BmpTarget target;
    private final SimClock clock;
    private final UsbCdcLinkModel link;
    private final Object lock = new Object();
    private long packets;
    private long bytes;
    private long linkNanos;
    private boolean killed;
    private long sessionPackets;
    private Runnable sessionEnded = () -> { };

    public GdbServerEmulator(Stm32F103 chip) {
        this(chip, UsbCdcLinkModel.FULL_SPEED);
    }

    public GdbServerEmulator(Stm32F103 chip, UsbCdcLinkModel link) {
        this(new SwdBmpTarget(chip), chip.clock(), link);
    }

    GdbServerEmulator(BmpTarget target, SimClock clock, UsbCdcLinkModel link) {
        this.target = Objects.requireNonNull(target, "'target' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.link = Objects.requireNonNull(link, "'link' must not be null");
    }

    /**
     * Serves one GDB session until the stream ends (EOF or 0x04) or GDB kills the session with
     * {@code k} (which resets the target first). Otherwise the target stays as the session left it.
     */
    public void serve(InputStream in, OutputStream out) throws IOException {
        // buffered: a 1 KB vFlashWrite is then a few reads of the pty or socket, not a thousand
        RspWire wire = new RspWire(new ReadAheadInput(in), out, new Meter());
        killed = false;
        sessionPackets = 0;
        while (!killed) {
            RspWire.Incoming incoming = wire.next();
            if (incoming instanceof RspWire.EndOfSession) {
                return;
            }
            synchronized (lock) {
                clock.advance(link.turnaroundNanos());
                linkNanos += link.turnaroundNanos();
                packets++;
            }
            if (incoming instanceof RspWire.Interrupt) {
                interrupt(wire);
            } else if (incoming instanceof RspWire.Packet packet) {
                handle(wire, packet);
            }
        }
    }

    /**
     * Told when one GDB's session ends while the stream stays open (a pty): after {@code D}, and
     * before a new GDB's first {@code qSupported} when the previous one left without a word.
     */
    public GdbServerEmulator onSessionEnd(Runnable listener) {
        this.sessionEnded = Objects.requireNonNull(listener, "'listener' must not be null");
        return this;
    }

    /** Serves GDB on TCP 127.0.0.1:{@code port} (0 = any free port), one session at a time. */
    public static GdbTcpServer serveTcp(Stm32F103 chip, int port) throws IOException {
        return GdbTcpServer.start(new GdbServerEmulator(chip), port);
    }

    /** Packets received from GDB so far (all sessions). */
    public long packetsReceived() {
        synchronized (lock) {
            return packets;
        }
    }

    /** Bytes that crossed the link so far, both directions (all sessions). */
    public long bytesTransferred() {
        synchronized (lock) {
            return bytes;
        }
    }

    /** The link's share of the simulated time so far (turnarounds and bulk transfers, {@link UsbCdcLinkModel}). */
    public long linkNanos() {
        synchronized (lock) {
            return linkNanos;
        }
    }

    public UsbCdcLinkModel linkModel() {
        return link;
    }

    /**
     * True when the last scan was {@code monitor jtag_scan} (or an {@code auto_scan} that found the chip on
     * JTAG): the probe reaches the chip through its JTAG-DP, every access priced as JTAG scans.
     */
    public boolean overJtag() {
        return target instanceof SwdBmpTarget bmp && bmp.overJtag();
    }

    private void endSession() {
        sessionPackets = 0;
        sessionEnded.run();
    }

    private void interrupt(RspWire wire) throws IOException {
        if (target.isAttached()) {
            target.halt();
            wire.send("T02thread:1;");
        } else {
            wire.send("W00");
        }
    }

    private void handle(RspWire wire, RspWire.Packet packet) throws IOException {
        byte[] body = packet.body();
        String text = packet.text();
        if (text.isEmpty()) {
            wire.send("");
            return;
        }
        if (text.startsWith("qSupported") && sessionPackets > 0) {
            endSession();
        }
        sessionPackets++;
        try {
            String reply = dispatch(wire, body, text);
            if (text.equals("D")) {
                endSession(); // before the OK: a GDB that quits on it finds the state saved
            }
            if (reply != null) {
                wire.send(reply);
            }
            if (text.equals("QStartNoAckMode")) {
                wire.disableAcks();
            } else if (text.equals("D") || text.equals("k")) {
                wire.enableAcks(); // the session ends: the next GDB starts in acknowledgement mode
            }
        } catch (BmpTargetException e) {
            wire.send(String.format("E%02X", e.errorCode()));
        } catch (RuntimeException e) { // malformed packet: numbers that do not parse, and the like
            wire.send("E01");
        }
    }

    /** The reply to one packet; null when nothing is sent (monitor output is sent on the way). */
    private String dispatch(RspWire wire, byte[] body, String text) throws IOException {
        char kind = text.charAt(0);
        switch (kind) {
            case '?':
                return target.isAttached() ? "T05thread:1;" : "W00";
            case '!':
                return "OK";
            case 'H':
                return "OK";
            case 'g':
                return readAllRegisters();
            case 'G':
                return writeAllRegisters(text.substring(1));
            case 'p':
                return hexWord(target.readRegister(Integer.parseInt(text.substring(1), 16)));
            case 'P':
                return writeRegister(text.substring(1));
            case 'm':
                return readMemory(text.substring(1));
            case 'M':
                return writeMemoryHex(text.substring(1));
            case 'X':
                return writeMemoryBinary(body);
            case 'c':
                return resume(wire);
            case 'D':
                if (target.isAttached()) {
                    target.detach();
                }
                return "OK";
            case 'k':
                if (target.isAttached()) {
                    try {
                        target.reset(); // BMP: kill resets the target, then detaches
                    } finally {
                        target.detach();
                    }
                }
                killed = true;
                return null;
            case 'Z':
            case 'z':
                return breakOrWatch(kind == 'Z', text.substring(1));
            case 's':
                target.step();
                return stopReply();
            case 'q':
                return query(wire, text);
            case 'Q':
                return text.equals("QStartNoAckMode") ? "OK" : "";
            case 'v':
                return vPacket(wire, body, text);
            default:
                return "";
        }
    }

    private String query(RspWire wire, String text) throws IOException {
        if (text.startsWith("qSupported")) {
            return SUPPORTED;
        }
        if (text.startsWith("qRcmd,")) {
            return monitor(wire, new String(HEX.parseHex(text.substring(6)), StandardCharsets.ISO_8859_1));
        }
        if (text.startsWith("qXfer:features:read:target.xml:")) {
            return xfer(TargetDescription.ARM_M_PROFILE, text.substring("qXfer:features:read:target.xml:".length()));
        }
        if (text.startsWith("qXfer:memory-map:read::")) {
            if (!target.isAttached()) {
                return "E01";
            }
            return xfer(target.memoryMapXml(), text.substring("qXfer:memory-map:read::".length()));
        }
        if (text.startsWith("qCRC:")) {
            String[] range = text.substring(5).split(",");
            return "C" + HEX.toHexDigits(crcOfTargetMemory(parseAddress(range[0]), Integer.parseInt(range[1], 16)));
        }
        switch (text) {
            case "qAttached":
                return "1";
            case "qC":
                return "QC1";
            case "qfThreadInfo":
                return target.isAttached() ? "m1" : "l";
            case "qsThreadInfo":
                return "l";
            default:
                return "";
        }
    }

    /**
     * {@code qCRC} as BMP's firmware computes it: the target's memory read over SWD in pieces of
     * {@value #CRC_READ_CHUNK} bytes (one memory read each, with its own TAR setup) and fed to a CRC on
     * the probe's own CPU, whose time is left out (a few µs per piece beside the SWD reads).
     */
    private int crcOfTargetMemory(int address, int length) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(length);
        for (int done = 0; done < length; done += CRC_READ_CHUNK) {
            data.writeBytes(target.readMemory(address + done, Math.min(CRC_READ_CHUNK, length - done)));
        }
        return GdbCrc32.of(data.toByteArray());
    }

    private String vPacket(RspWire wire, byte[] body, String text) throws IOException {
        if (text.startsWith("vAttach;")) {
            int number = Integer.parseInt(text.substring(8), 16);
            target.attach(number);
            return "T05thread:1;";
        }
        if (text.equals("vCont?")) {
            return "vCont;c;C;s;S;t";
        }
        if (text.startsWith("vCont;c") || text.startsWith("vCont;C")) {
            return resume(wire);
        }
        if (text.startsWith("vCont;s") || text.startsWith("vCont;S")) {
            target.step();
            return stopReply();
        }
        if (text.startsWith("vCont;t")) {
            target.halt();
            return "T00thread:1;";
        }
        if (text.startsWith("vFlashErase:")) {
            String[] range = text.substring(12).split(",");
            target.flashErase(parseAddress(range[0]), Integer.parseInt(range[1], 16));
            return "OK";
        }
        if (text.startsWith("vFlashWrite:")) {
            int colon = text.indexOf(':', 12);
            int address = parseAddress(text.substring(12, colon));
            byte[] data = RspBinary.unescape(body, colon + 1);
            if (data == null) {
                return "E01";
            }
            target.flashWrite(address, data);
            return "OK";
        }
        if (text.equals("vFlashDone")) {
            target.flashDone();
            return "OK";
        }
        if (text.startsWith("vKill")) {
            if (target.isAttached()) {
                target.detach();
            }
            return "OK";
        }
        if (text.equals("vMustReplyEmpty")) {
            return "";
        }
        return "";
    }

    /**
     * Lets the core run and polls DHCSR until it halts (breakpoint, watchpoint, BKPT), then returns
     * the stop reply. Returns null when GDB sends something first: the serve loop takes it (Ctrl-C
     * halts; a packet such as {@code D} is served while the core runs).
     */
    private String resume(RspWire wire) throws IOException {
        target.resume();
        if (!target.isAttached()) {
            return null;
        }
        while (!wire.inputWaiting()) {
            if (target.isHalted()) {
                target.haltObserved();
                return stopReply();
            }
            clock.advance(RUNNING_POLL_NANOS);
        }
        return null;
    }

    /** {@code T05} with the watchpoint that fired, if any. */
    private String stopReply() {
        return "T05" + target.watchStopReason() + "thread:1;";
    }

    /** {@code Z}/{@code z} type,addr,kind: 0/1 breakpoints, 2 write, 3 read, 4 access watchpoints. */
    private String breakOrWatch(boolean insert, String arguments) {
        String[] parts = arguments.split("[,;]");
        int type = Integer.parseInt(parts[0]);
        int address = parseAddress(parts[1]);
        int length = Integer.parseInt(parts[2], 16);
        boolean done;
        switch (type) {
            case 0, 1 -> done = insert ? target.insertBreakpoint(address) : target.removeBreakpoint(address);
            case 2, 3, 4 -> {
                CortexMBreakUnits.Watch kind = type == 2 ? CortexMBreakUnits.Watch.WRITE
                        : type == 3 ? CortexMBreakUnits.Watch.READ : CortexMBreakUnits.Watch.ACCESS;
                done = insert ? target.insertWatchpoint(kind, address, length) : target.removeWatchpoint(address);
            }
            default -> {
                return "";
            }
        }
        return done ? "OK" : "E01";
    }

    private String monitor(RspWire wire, String commandLine) throws IOException {
        BmpMonitor.Result result = BmpMonitor.run(target, commandLine.trim());
        for (String line : result.output()) {
            sendOutput(wire, line + "\n");
        }
        return switch (result.status()) {
            case OK -> "OK";
            case UNKNOWN -> "";
            case FAILED -> HEX.formatHex("Failed\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private void sendOutput(RspWire wire, String text) throws IOException {
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int from = 0; from < ascii.length; from += OUTPUT_CHUNK) {
            int to = Math.min(ascii.length, from + OUTPUT_CHUNK);
            wire.send("O" + HEX.formatHex(ascii, from, to));
        }
    }

    /** qXfer reply for {@code offset,length}: 'm' + chunk when more follows, 'l' + chunk at the end. */
    private static String xfer(String document, String offsetLength) {
        String[] parts = offsetLength.split(",");
        int offset = Integer.parseInt(parts[0], 16);
        int length = Integer.parseInt(parts[1], 16);
        byte[] all = document.getBytes(StandardCharsets.UTF_8);
        if (offset >= all.length) {
            return "l";
        }
        int end = Math.min(all.length, offset + length);
        byte[] chunk = java.util.Arrays.copyOfRange(all, offset, end);
        return (end < all.length ? "m" : "l")
                + new String(RspBinary.escape(chunk), StandardCharsets.ISO_8859_1);
    }

    private String readAllRegisters() {
        StringBuilder reply = new StringBuilder();
        for (int number : target.gdbRegisterNumbers()) {
            reply.append(hexWord(target.readRegister(number)));
        }
        return reply.toString();
    }

    private String writeAllRegisters(String hex) {
        int[] numbers = target.gdbRegisterNumbers();
        for (int i = 0; i < numbers.length && (i + 1) * 8 <= hex.length(); i++) {
            int value = parseLittleEndianWord(hex.substring(i * 8, i * 8 + 8));
            int number = numbers[i];
            target.writeRegister(number, value);
        }
        return "OK";
    }

    private String writeRegister(String spec) {
        int equals = spec.indexOf('=');
        int number = Integer.parseInt(spec.substring(0, equals), 16);
        int value = parseLittleEndianWord(spec.substring(equals + 1));
        target.writeRegister(number, value);
        return "OK";
    }

    private String readMemory(String spec) {
        String[] parts = spec.split(",");
        int address = parseAddress(parts[0]);
        int length = Integer.parseInt(parts[1], 16);
        return HEX.formatHex(target.readMemory(address, length));
    }

    private String writeMemoryHex(String spec) {
        int comma = spec.indexOf(',');
        int colon = spec.indexOf(':');
        int address = parseAddress(spec.substring(0, comma));
        int length = Integer.parseInt(spec.substring(comma + 1, colon), 16);
        byte[] data = HEX.parseHex(spec.substring(colon + 1));
        if (data.length != length) {
            return "E01";
        }
        target.writeMemory(address, data);
        return "OK";
    }

    private String writeMemoryBinary(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 32), StandardCharsets.ISO_8859_1);
        int comma = head.indexOf(',');
        int colon = head.indexOf(':');
        int address = parseAddress(head.substring(1, comma));
        int length = Integer.parseInt(head.substring(comma + 1, colon), 16);
        byte[] data = RspBinary.unescape(body, colon + 1);
        if (data == null || data.length != length) {
            return "E01";
        }
        if (length > 0) { // GDB probes X support with a zero-length write
            target.writeMemory(address, data);
        }
        return "OK";
    }

    private static String hexWord(int value) {
        return HEX.toHexDigits(Integer.reverseBytes(value));
    }

    private static int parseLittleEndianWord(String hex) {
        return Integer.reverseBytes(Integer.parseUnsignedInt(hex, 16));
    }

    private static int parseAddress(String hex) {
        return (int) Long.parseLong(hex, 16);
    }

    /** Charges each bulk transfer's bus time to the simulated clock. */
    private final class Meter implements RspWire.LinkMeter {
        @Override
        public void received(int count) {
            charge(count);
        }

        @Override
        public void sent(int count) {
            charge(count);
        }

        private void charge(int count) {
            synchronized (lock) {
                bytes += count;
                long nanos = link.transferNanos(count);
                linkNanos += nanos;
                clock.advance(nanos);
            }
        }
    }
}
