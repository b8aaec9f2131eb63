package io.blueflash.transport.serial.gdb;

import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.serial.line.SerialLine;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A session with the target behind a Black Magic Probe's GDB server (facts §F). Opening runs the
 * host flow GDB users type by hand: {@code qSupported}, {@code monitor swd_scan} (or {@code jtag_scan}),
 * {@code vAttach;1}
 * (the probe halts the core), the target description and the memory map, and — in
 * {@link ConnectMode#NORMAL} — {@code monitor reset} so the core stops at its reset vector.
 *
 * <p>Offers {@link MemoryAccess} (m/M/X), {@link NativeFlashAccess} (vFlash*: the probe runs its own
 * STM32F1 flash driver) and {@link CoreControl}. Closing commits buffered flash writes, detaches
 * ({@code D}, the core runs on) and releases the port; it never throws.
 *
 * <p>Option {@value #NO_ACK_OPTION}=true negotiates {@code QStartNoAckMode}: fewer bytes, but a
 * corrupted packet is then not resent. Off by default. Option {@value #TIMEOUT_OPTION} sets the reply
 * timeout of ordinary requests (flash operations allow more). Option {@value #JTAG_OPTION}=true finds
 * the target with {@code monitor jtag_scan}, through the SWJ-DP's JTAG-DP (ADIv5 §3.3) on the JTAG header's
 * TMS/TCK/TDI/TDO; the probe then turns every access into JTAG scans itself.
 */
public final class BlackMagicTargetConnection implements TargetConnection {

    /** Transport option: negotiate QStartNoAckMode ("true"/"false"). */
    public static final String NO_ACK_OPTION = "bmp.noack";
    /** Transport option: how long to wait for an ordinary reply, in milliseconds (default 2000). */
    public static final String TIMEOUT_OPTION = "bmp.timeout-ms";
    /** Transport option: "true" attaches over JTAG ({@code monitor jtag_scan}) instead of SWD. */
    public static final String JTAG_OPTION = ConnectOptions.BMP_JTAG;
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(5);
    private static final int DEFAULT_PACKET_SIZE = 0x400;
    /** After the recovery interrupt: time for the probe's stop reply or the rest of an old reply. */
    private static final Duration RECOVERY_SETTLE = Duration.ofMillis(300);

    private final SerialLine line;
    private final BmpSession session;
    private final ProbeDescriptor descriptor;
    private final String scanOutput;
    private final GdbMemoryAccess memory;
    private final GdbNativeFlashAccess flash;
    private final GdbCoreControl core;
    private boolean closed;

    private BlackMagicTargetConnection(SerialLine line, BmpSession session, ProbeDescriptor descriptor,
                                       String scanOutput) {
        this.line = line;
        this.session = session;
        this.descriptor = descriptor;
        this.scanOutput = scanOutput;
        this.memory = new GdbMemoryAccess(session);
        this.flash = new GdbNativeFlashAccess(session);
        this.core = new GdbCoreControl(session);
    }

    /**
     * Runs the attach flow on an open line. On failure the line is closed and the exception says
     * which step failed and what to check.
     */
    public static BlackMagicTargetConnection open(SerialLine line, ConnectOptions options) {
        try {
            return attach(line, options);
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }

    private static BlackMagicTargetConnection attach(SerialLine line, ConnectOptions options) {
        GdbRemoteProtocol protocol = new GdbRemoteProtocol(line, replyTimeout(options), options.trace());
        line.discardInput();
        String supported;
        try {
            supported = protocol.request("qSupported:xmlRegisters=arm");
        } catch (RspTimeoutException | RspProtocolException silent) {
            // an earlier session was interrupted: the target may run, a reply may be half sent
            protocol.recover(RECOVERY_SETTLE);
            try {
                supported = protocol.request("qSupported:xmlRegisters=arm");
            } catch (RuntimeException again) {
                again.addSuppressed(silent);
                throw again;
            }
        }
        if (!supported.contains("qXfer:memory-map:read+")) {
            throw new TargetCommunicationException("the GDB server on " + line.portName()
                    + " publishes no memory map (qSupported: '" + RspCodec.abbreviate(supported)
                    + "'): it cannot flash through vFlash packets; is it a Black Magic Probe?");
        }
        int packetSize = packetSize(supported);
        if (Boolean.parseBoolean(options.option(NO_ACK_OPTION, "false"))) {
            protocol.startNoAckMode();
        }
        if (options.mode() == ConnectMode.UNDER_RESET) {
            MonitorResult rst = protocol.monitor("connect_rst enable", SCAN_TIMEOUT);
            if (!rst.ok()) {
                throw new TargetCommunicationException("the probe on " + line.portName()
                        + " cannot connect under reset (monitor connect_rst enable: " + rst.status() + ")");
            }
        }
        boolean jtag = Boolean.parseBoolean(options.option(JTAG_OPTION, "false"));
        String scanCommand = jtag ? "jtag_scan" : "swd_scan";
        MonitorResult scan = protocol.monitor(scanCommand, SCAN_TIMEOUT);
        trace(options, scan.output());
        BmpScanOutput found = BmpScanOutput.parse(scan.output());
        if (!scan.ok() || found.first().isEmpty()) {
            throw new TargetCommunicationException("Black Magic Probe on " + line.portName()
                    + " found no target on " + (jtag ? "JTAG" : "SWD") + " (monitor " + scanCommand + ": "
                    + scan.output().trim().replace('\n', ' ') + "). Check " + (jtag ? "TMS, TCK, TDI, TDO" : "SWDIO, SWCLK")
                    + ", GND and target power (BMP can power it: monitor tpwr enable); firmware that gives the debug"
                    + " pins to other uses (AFIO_MAPR.SWJ_CFG, RM0008 §9.3.5) is passed by --connect-under-reset");
        }
        String stop = protocol.request("vAttach;1");
        if (stop.isEmpty() || stop.charAt(0) != 'T' && stop.charAt(0) != 'S') {
            throw new TargetCommunicationException("attaching to target 1 on " + line.portName()
                    + " failed: reply '" + RspCodec.abbreviate(stop) + "'");
        }
        GdbRegisterMap registers = GdbRegisterMap.parse(readXfer(protocol, "features", "target.xml", packetSize));
        GdbMemoryMap memoryMap = GdbMemoryMap.parse(readXfer(protocol, "memory-map", "", packetSize));
        if (memoryMap.flashRegions().isEmpty()) {
            throw new TargetCommunicationException("the probe's memory map for the target on " + line.portName()
                    + " has no flash region");
        }
        BmpSession session = new BmpSession(protocol, packetSize, memoryMap, registers);
        ProbeDescriptor descriptor = new ProbeDescriptor("bmp", line.portName(),
                "Black Magic Probe GDB server" + (jtag ? " over JTAG" : "") + ", target: " + found.first().orElseThrow());
        BlackMagicTargetConnection connection = new BlackMagicTargetConnection(line, session, descriptor,
                scan.output());
        if (options.mode() != ConnectMode.HOT_PLUG) {
            connection.core.resetAndHalt();
        }
        return connection;
    }

    private static Duration replyTimeout(ConnectOptions options) {
        String text = options.option(TIMEOUT_OPTION, "");
        if (text.isBlank()) {
            return GdbRemoteProtocol.DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_OPTION + " must be a number of milliseconds: '" + text + "'", e);
        }
    }

    /** Reads a whole qXfer object in chunks ('m' = more follows, 'l' = last). */
    static String readXfer(GdbRemoteProtocol protocol, String object, String annex, int packetSize) {
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        int chunk = packetSize - 32;
        while (true) {
            String request = String.format("qXfer:%s:read:%s:%x,%x", object, annex, document.size(), chunk);
            byte[] reply = protocol.exchange(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII), request,
                    protocol.defaultTimeout());
            if (reply.length == 0 || (reply[0] != 'm' && reply[0] != 'l')) {
                throw new RspProtocolException("the probe does not serve qXfer " + object + " (reply '"
                        + RspCodec.abbreviate(RspCodec.ascii(reply)) + "')");
            }
            document.writeBytes(RspCodec.unescape(reply, 1));
            if (reply[0] == 'l') {
                return document.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    private static int packetSize(String supported) {
        for (String feature : supported.split(";")) {
            if (feature.startsWith("PacketSize=")) {
                try {
                    return Math.max(64, Integer.parseInt(feature.substring(11), 16));
                } catch (NumberFormatException e) {
                    throw new RspProtocolException("bad PacketSize in qSupported reply: '" + feature + "'");
                }
            }
        }
        return DEFAULT_PACKET_SIZE;
    }

    private static void trace(ConnectOptions options, String output) {
        output.lines().forEach(l -> options.trace().trace("rsp", -1, "monitor: " + l));
    }

    /** What {@code monitor swd_scan} (or {@code jtag_scan}) printed when the connection opened. */
    public String scanOutput() {
        return scanOutput;
    }

    /** The flash and RAM regions the probe published. */
    public GdbMemoryMap memoryMap() {
        return session.memoryMap;
    }

    /** Runs any monitor command (e.g. "option erase"); output and status come back as they are. */
    public MonitorResult monitor(String command, Duration timeout) {
        session.finishFlash();
        return session.protocol.monitor(command, timeout);
    }

    /** Packets resent or asked for again because of bad checksums on this connection. */
    public long resends() {
        return session.protocol.resends();
    }

    @Override
    public ProbeDescriptor probe() {
        return descriptor;
    }

    @Override
    public Set<TargetCapability> capabilities() {
        return EnumSet.of(TargetCapability.MEMORY_ACCESS, TargetCapability.NATIVE_FLASH,
                TargetCapability.CORE_CONTROL);
    }

    @Override
    public Optional<MemoryAccess> memoryAccess() {
        return Optional.of(memory);
    }

    @Override
    public Optional<NativeFlashAccess> nativeFlashAccess() {
        return Optional.of(flash);
    }

    @Override
    public Optional<CoreControl> coreControl() {
        return Optional.of(core);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            core.halt();
            session.finishFlash();
            session.protocol.request("D");
        } catch (RuntimeException ignored) {
            // closing never throws; the port is released below either way
        } finally {
            line.close();
        }
    }
}
