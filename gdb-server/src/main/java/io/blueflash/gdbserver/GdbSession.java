package io.blueflash.gdbserver;

import io.blueflash.debug.cortexm.CortexMRegisters;
import io.blueflash.debug.rsp.RspFrames;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.progress.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One gdb connection, all-stop mode, one thread: reads packets and answers them (GDB manual,
 * "Remote Protocol", Packets and Stop Reply Packets). Ends on {@code D}, {@code k} or when gdb
 * goes away; breakpoints and watchpoints are taken out then, and the core is left running after a
 * detach, halted after a kill's reset.
 */
final class GdbSession {

    /** 16 KB of packet data: a {@code vFlashWrite} of a few pages at once. */
    static final int PACKET_SIZE = 0x4000;
    static final int SIGINT = 2, SIGTRAP = 5;

    private final RspChannel channel;
    private final CoreControl core;
    private final MemoryAccess memory;
    private final RunControl run;
    private final BreakpointUnits units;
    private final Semihosting semihosting;
    private final MonitorCommands monitor;
    private final FlashUseCases useCases;
    private final ProbeSelector held;
    private final MemoryMap map;
    private final FlashLoad flashLoad;
    private final SemihostingOutput semihostingOutput;
    private final PrintStream log;
    private final boolean simulated;
    private final boolean logPackets;

    GdbSession(RspChannel channel, SessionTarget target, GdbServerConfig config, PrintStream log) {
        this.channel = channel;
        this.semihostingOutput = config.semihosting();
        this.logPackets = config.logPackets();
        this.core = target.core();
        this.memory = target.memory();
        this.run = new RunControl(core, memory);
        this.units = new BreakpointUnits(memory);
        this.semihosting = new Semihosting(core, memory, this::console);
        this.useCases = target.useCases();
        this.held = target.selector();
        this.monitor = new MonitorCommands(core, useCases, held);
        this.map = target.map();
        this.flashLoad = new FlashLoad(map);
        this.log = log;
        this.simulated = target.simulated();
    }

    /**
     * Serves packets until the session ends; the target is left clean. A core left running by the
     * previous session's detach is halted first: gdb expects a stopped target when it attaches.
     */
    void serve() throws IOException {
        if (!core.isHalted()) {
            core.halt();
        }
        try {
            while (true) {
                RspChannel.Incoming incoming = channel.next();
                if (incoming instanceof RspChannel.Closed) {
                    return;
                }
                if (incoming instanceof RspChannel.Interrupt) {
                    // Ctrl-C while halted: nothing runs; gdb still wants a stop reply
                    channel.send("T02thread:1;");
                    continue;
                }
                RspChannel.Packet packet = (RspChannel.Packet) incoming;
                if (!answer(packet)) {
                    return;
                }
            }
        } finally {
            cleanUp();
        }
    }

    /** Answers one packet; false when the session ends with it. */
    private boolean answer(RspChannel.Packet packet) throws IOException {
        String text = packet.text();
        if (logPackets && !text.startsWith("vFlashWrite") && !text.startsWith("X")) {
            log.println("gdb-server: <- " + abbreviate(text));
        }
        char kind = text.isEmpty() ? ' ' : text.charAt(0);
        try {
            switch (kind) {
                case 'D' -> {
                    units.clearAll();
                    core.resume();
                    channel.send("OK");
                    log.println("gdb-server: gdb detached; the target runs");
                    return false;
                }
                case 'k' -> {
                    units.clearAll();
                    core.resetAndHalt();
                    log.println("gdb-server: gdb killed the session; the target is reset and halted");
                    return false; // 'k' has no reply
                }
                case 'c', 's' -> channel.send(resume(kind == 's'));
                case 'v' -> {
                    if (!answerV(packet)) {
                        return false;
                    }
                }
                case 'X' -> channel.send(writeBinary(packet.body()));
                default -> answerOther(text);
            }
        } catch (RuntimeException e) {
            // a failed request (a bus fault, a flash error, a malformed packet) ends the request, not the session
            log.println("gdb-server: '" + abbreviate(text) + "' failed: " + e.getMessage());
            channel.send("E." + oneLine(e.getMessage()));
        }
        return true;
    }

    /** The rest: one reply each, except the two that do a little more. */
    private void answerOther(String text) throws IOException {
        if (text.equals("QStartNoAckMode")) {
            channel.send("OK");
            channel.stopAcknowledging(); // the OK itself is still acknowledged
        } else if (text.startsWith("qRcmd,")) {
            String line = new String(RspHex.parseBytes(text.substring(6)), StandardCharsets.ISO_8859_1);
            String output = monitor.run(line);
            channel.send("O" + RspHex.ascii(output)); // console output first, then the command's result
            channel.send("OK");
        } else {
            channel.send(reply(text));
        }
    }

    /** Packets answered by one reply and nothing else. */
    private String reply(String text) {
        if (text.startsWith("qSupported")) {
            return "PacketSize=" + Integer.toHexString(PACKET_SIZE)
                    + ";qXfer:features:read+;qXfer:memory-map:read+;QStartNoAckMode+;swbreak+;hwbreak+;vContSupported+";
        }
        if (text.startsWith("qXfer:features:read:target.xml:")) {
            return xfer(CoreRegisters.targetXml(), text.substring("qXfer:features:read:target.xml:".length()));
        }
        if (text.startsWith("qXfer:memory-map:read::")) {
            return xfer(map.xml(), text.substring("qXfer:memory-map:read::".length()));
        }
        if (text.startsWith("qCRC:")) {
            String[] f = text.substring(5).split(",");
            return "C" + Integer.toHexString(GdbCrc.of(memory.readBlock(RspHex.number(f[0]), RspHex.number(f[1]))));
        }
        switch (text) {
            case "?" -> {
                return "T05thread:1;";
            }
            case "g" -> {
                return CoreRegisters.readAll(core);
            }
            case "qAttached" -> {
                return "1";
            }
            case "qC" -> {
                return "QC1";
            }
            case "qfThreadInfo" -> {
                return "m1";
            }
            case "qsThreadInfo" -> {
                return "l";
            }
            case "qSymbol::" -> {
                return "OK";
            }
            default -> { }
        }
        return switch (text.charAt(0)) {
            case 'G' -> {
                CoreRegisters.writeAll(core, text.substring(1));
                yield "OK";
            }
            case 'p' -> RspHex.word(core.readCoreRegister(CoreRegisters.regsel(RspHex.number(text.substring(1)))));
            case 'P' -> {
                int eq = text.indexOf('=');
                core.writeCoreRegister(CoreRegisters.regsel(RspHex.number(text.substring(1, eq))),
                        RspHex.parseWord(text, eq + 1));
                yield "OK";
            }
            case 'm' -> readMemory(text.substring(1));
            case 'M' -> writeHex(text.substring(1));
            case 'H', 'T' -> "OK";
            case 'Z', 'z' -> breakOrWatch(text.charAt(0) == 'Z', text.substring(1));
            default -> ""; // not supported: gdb falls back or says so
        };
    }

    /** {@code v} packets: vCont, vFlash*, vMustReplyEmpty, vKill. False when the session ends. */
    private boolean answerV(RspChannel.Packet packet) throws IOException {
        String text = packet.text();
        if (text.equals("vCont?")) {
            channel.send("vCont;c;C;s;S");
        } else if (text.startsWith("vCont;")) {
            boolean step = Arrays.stream(text.substring(6).split(";")).anyMatch(a -> a.startsWith("s") || a.startsWith("S"));
            channel.send(resume(step));
        } else if (text.startsWith("vFlashErase:")) {
            String[] f = text.substring(12).split(",");
            channel.send(flashLoad.erase(Integer.toUnsignedLong(RspHex.number(f[0])), Integer.toUnsignedLong(RspHex.number(f[1])))
                    ? "OK" : "E01");
        } else if (text.startsWith("vFlashWrite:")) {
            byte[] body = packet.body();
            int colon = indexOf(body, ':', 12);
            long address = Integer.toUnsignedLong(RspHex.number(text.substring(12, colon)));
            channel.send(flashLoad.write(address, RspFrames.unescape(body, colon + 1)) ? "OK" : "E01");
        } else if (text.equals("vFlashDone")) {
            channel.send(flashDone());
        } else if (text.startsWith("vKill")) {
            units.clearAll();
            core.resetAndHalt();
            channel.send("OK");
            return false;
        } else {
            channel.send(""); // vMustReplyEmpty and whatever else: not supported
        }
        return true;
    }

    /**
     * Hands the gathered image to the write use case: planner, skip unchanged pages, keep other bytes,
     * verify. Then, as st-util does, a reset that halts at the reset vector, so that the core starts
     * the new firmware with its stack pointer from the new vector table (gdb then sets the PC to the
     * ELF's entry point).
     */
    private String flashDone() {
        if (flashLoad.isEmpty()) {
            return "OK";
        }
        var image = flashLoad.take();
        WriteReport report = useCases.write().write(new WriteImageRequest(held, ConnectOptions.defaults(), image,
                FlashOptions.defaults(), ProgressListener.NONE));
        log.printf("gdb-server: load: %d bytes in %d segment(s): %d page(s) programmed, %d unchanged skipped, %s%n",
                image.totalBytes(), image.segments().size(), report.pagesProgrammed(), report.pagesSkipped(),
                report.verified() ? "verified" : "not verified");
        core.resetAndHalt();
        return "OK";
    }

    /**
     * Lets the core run (or step) until it stops for gdb: a breakpoint, a watchpoint, the end of a
     * step, Ctrl-C. Semihosting calls on the way are served and the core resumed.
     */
    private String resume(boolean step) throws IOException {
        while (true) {
            if (step) {
                run.step();
            } else {
                run.resume();
                boolean interrupted = waitForHaltOrInterrupt();
                if (interrupted) {
                    if (!core.isHalted()) {
                        core.halt();
                    }
                    run.clearHaltReasons();
                    return "T" + hex2(SIGINT) + "thread:1;";
                }
            }
            int reasons = run.haltReasons();
            int pc = core.readCoreRegister(CoreRegisters.PC);
            if ((reasons & CortexMRegisters.DFSR_BKPT) != 0 && !units.isSoftwareBreakpoint(pc) && semihosting.isCall(pc)) {
                run.clearHaltReasons();
                Semihosting.Outcome outcome = semihosting.service(pc);
                if (outcome instanceof Semihosting.Exited exited) {
                    log.println("gdb-server: the program exited through semihosting with status " + exited.status());
                    return "W" + hex2(exited.status() & 0xFF);
                }
                if (step) {
                    return "T" + hex2(SIGTRAP) + "thread:1;";
                }
                continue;
            }
            run.clearHaltReasons();
            return "T" + hex2(SIGTRAP) + stopReason(reasons, pc) + "thread:1;";
        }
    }

    private String stopReason(int reasons, int pc) {
        if ((reasons & CortexMRegisters.DFSR_DWTTRAP) != 0) {
            return units.watchHit().orElse("");
        }
        if ((reasons & CortexMRegisters.DFSR_BKPT) != 0) {
            if (units.isSoftwareBreakpoint(pc)) {
                return "swbreak:;";
            }
            if (units.isFpbBreakpoint(pc)) {
                return "hwbreak:;";
            }
        }
        return "";
    }

    /** True when gdb interrupted (Ctrl-C, or it went away) before the core halted. */
    private boolean waitForHaltOrInterrupt() {
        while (true) {
            if (channel.interruptRequested()) {
                return true;
            }
            if (core.isHalted()) {
                return false;
            }
            if (!simulated) {
                pause(); // a real target runs by itself: poll DHCSR at a pace the probe can take
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Semihosting console output: O packets to gdb while it waits for a stop reply, or stdout. */
    private void console(byte[] bytes, boolean stderr) {
        if (semihostingOutput == SemihostingOutput.GDB && !channel.isClosed()) {
            try {
                channel.send("O" + RspHex.bytes(bytes));
                return;
            } catch (IOException gone) {
                // fall through to our own output
            }
        }
        PrintStream target = stderr ? System.err : System.out;
        target.write(bytes, 0, bytes.length);
        target.flush();
    }

    private String readMemory(String args) {
        String[] f = args.split(",");
        int address = RspHex.number(f[0]);
        int length = Math.min(RspHex.number(f[1]), PACKET_SIZE / 2);
        try {
            return RspHex.bytes(read(address, length));
        } catch (TargetCommunicationException fault) {
            return "E01";
        }
    }

    /** Word reads for aligned words (peripheral and SCS registers want them), else the transport's block read. */
    private byte[] read(int address, int length) {
        if (length == 4 && (address & 3) == 0) {
            int v = memory.read32(address);
            return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        }
        if (length == 2 && (address & 1) == 0) {
            int v = memory.read16(address);
            return new byte[] {(byte) v, (byte) (v >> 8)};
        }
        return memory.readBlock(address, length);
    }

    private String writeHex(String args) {
        int colon = args.indexOf(':');
        String[] f = args.substring(0, colon).split(",");
        byte[] data = RspHex.parseBytes(args.substring(colon + 1));
        return write(RspHex.number(f[0]), data, RspHex.number(f[1]));
    }

    private String writeBinary(byte[] body) {
        int colon = indexOf(body, ':', 1);
        String[] f = new String(body, 1, colon - 1, StandardCharsets.ISO_8859_1).split(",");
        byte[] data = RspFrames.unescape(body, colon + 1);
        return write(RspHex.number(f[0]), data, RspHex.number(f[1]));
    }

    /** M and X: flash only through vFlash (the memory map says so), else the widest aligned accesses. */
    private String write(int address, byte[] data, int length) {
        if (data.length != length) {
            return "E02";
        }
        if (length == 0) {
            return "OK";
        }
        if (map.inFlash(Integer.toUnsignedLong(address), length)) {
            return "E03";
        }
        AccessWidth width = (address & 3) == 0 && length % 4 == 0 ? AccessWidth.WORD
                : (address & 1) == 0 && length % 2 == 0 ? AccessWidth.HALFWORD : AccessWidth.BYTE;
        try {
            memory.writeBlock(address, data, width);
            return "OK";
        } catch (TargetCommunicationException fault) {
            return "E01";
        }
    }

    private String breakOrWatch(boolean insert, String args) {
        String[] f = args.split("[,;]");
        int type = Integer.parseInt(f[0]);
        int address = RspHex.number(f[1]);
        int length = RspHex.number(f[2]);
        boolean done = switch (type) {
            case 0, 1 -> insert ? units.insertBreakpoint(type, address) : units.removeBreakpoint(address);
            case 2, 3, 4 -> insert ? units.insertWatchpoint(BreakpointUnits.Watch.ofType(type), address, length)
                    : units.removeWatchpoint(address);
            default -> throw new IllegalArgumentException("no breakpoint type " + type);
        };
        return done ? "OK" : "E01";
    }

    /** {@code qXfer} read of {@code annex} at "offset,length": {@code m} more follows, {@code l} last part. */
    private static String xfer(String document, String range) {
        String[] f = range.split(",");
        int offset = RspHex.number(f[0]);
        int length = RspHex.number(f[1]);
        byte[] all = document.getBytes(StandardCharsets.UTF_8);
        if (offset >= all.length) {
            return "l";
        }
        int end = Math.min(all.length, offset + length);
        byte[] part = RspFrames.escape(Arrays.copyOfRange(all, offset, end));
        return (end < all.length ? "m" : "l") + new String(part, StandardCharsets.ISO_8859_1);
    }

    /** Breakpoints and watchpoints out, whatever ended the session (the bus takes it while the core runs). */
    private void cleanUp() {
        try {
            units.clearAll();
        } catch (RuntimeException e) {
            log.println("gdb-server: could not remove breakpoints at the end of the session: " + e.getMessage());
        }
    }

    private static int indexOf(byte[] body, char c, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("packet has no '" + c + "'");
    }

    private static String hex2(int value) {
        return String.format("%02x", value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static String oneLine(String message) {
        return message == null ? "failed" : message.replaceAll("[\\r\\n#$}*]", " ");
    }
}
