package io.blueflash.cli.sim;

import io.blueflash.cli.command.GlobalSettings;
import io.blueflash.cli.output.Json;
import io.blueflash.sim.bootloader.HostLine;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.sim.serve.ControlChannel;
import io.blueflash.sim.chip.TimingPreset;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.serve.StreamService;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.wave.ChipWaveforms;
import io.blueflash.sim.wave.VcdWriter;
import io.blueflash.cli.args.SimDurationConverter;
import io.blueflash.cli.command.GlobalSettings;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code blueflash sim serve --profile NAME --state FILE (--bootloader-pty PATH | --bmp-pty PATH |
 * --bmp-tcp PORT | --stlink-tcp PORT | --jtag-bitbang PORT)}: exposes the simulated chip to unmodified
 * outside clients (stm32flash, gdb, OpenOCD; conformance.md). Ctrl-C, SIGTERM or end of standard
 * input stops it, saves the state file and prints the summary (one JSON document under {@code --json}).
 * The global {@code --flash=SIZE} sets the served chip's flash (and what its F_SIZE reports).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the simulated chip to outside tools until Ctrl-C or end of input;",
                "the state file is loaded at start and saved after every client and at exit.",
                "Pseudo-terminals: make a pair with",
                "  socat pty,raw,echo=0,link=/tmp/host,ignoreeof pty,raw,echo=0,link=/tmp/sim",
                "then serve /tmp/sim and point the client at /tmp/host (8N1: ptys refuse parity)."})
public final class SimServeCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "stm32f103c8", paramLabel = "NAME", completionCandidates = ProfileNames.class,
            description = "Chip profile (default ${DEFAULT-VALUE}): ${COMPLETION-CANDIDATES}.")
    String profile;

    @Option(names = "--pace",
            description = "Pace replies to simulated time, so clients see a board's speed, never a faster one "
                    + "(default: as fast as the host runs). With --timing measured, OpenOCD's dump_image over "
                    + "--stlink-tcp reports a real ST-Link V2's 50-58 KiB/s.")
    boolean pace;

    @Option(names = "--state", required = true, paramLabel = "FILE",
            description = "Flash and option bytes, kept across runs (created when missing).")
    Path state;

    @Option(names = "--baud", defaultValue = "115200", paramLabel = "BAUD",
            description = "The host's UART rate (default ${DEFAULT-VALUE}): the bootloader locks to it at its 0x7F "
                    + "until reset (AN3155); the control channel's 'baud N' changes it.")
    int baud;

    @Option(names = "--control", paramLabel = "PORT",
            description = "Board control channel on 127.0.0.1:PORT (0: any free port), one command a line: reset, "
                    + "nrst low|high, boot0 high|low, rts 0|1, dtr 0|1, modem RTS DTR, baud N, status. stm32flash's -i "
                    + "GPIO sequences reach it through the modem-line shim (docs/conformance.md).")
    Integer control;

    @Option(names = "--control-wiring", defaultValue = "nrst=dtr,boot0=rts", paramLabel = "WIRING",
            description = "How the host's modem lines reach the board for 'rts'/'dtr' (default ${DEFAULT-VALUE}: "
                    + "DTR asserted holds NRST low, RTS asserted drives BOOT0 high; '!' inverts a line).")
    String controlWiring;

    @Option(names = "--ignore-stdin",
            description = "Do not stop at end of standard input (run in the background until Ctrl-C / SIGTERM).")
    boolean ignoreStdin;

    @Option(names = "--stlink-model", defaultValue = "V2", paramLabel = "MODEL",
            description = "With --stlink-tcp: the ST-Link to pose as: V2 (V2J29S7, PID 0x3748; default), "
                    + "V2-1 (V2J37M26, 0x374B) or V3 (V3J7M3, 0x374F).")
    String stlinkModel;

    @Option(names = "--stlink-serial", paramLabel = "SERIAL",
            description = "With --stlink-tcp: the probe's serial (at most 32 characters; default: the model's).")
    String stlinkSerial;

    @Option(names = "--vcd-for", paramLabel = "DURATION", converter = SimDurationConverter.class,
            description = "With the global --vcd FILE (the served wires as a value change dump: SWD for --stlink-tcp "
                    + "and --bmp-*, JTAG for --jtag-bitbang, USART1 RX/TX for --bootloader-pty; docs/waveforms.md): "
                    + "record only the first DURATION of simulated time, e.g. 50ms.")
    Long vcdForNanos;

    @Option(names = "--timing", defaultValue = "datasheet", paramLabel = "PRESET",
            description = "Time model: datasheet (DS5319 typical flash times; default) or measured (flash times and "
                    + "the ST-Link firmware's cost per read calibrated on published Blue Pill figures, docs/sim.md).")
    String timing;

    @Option(names = "--jtag-khz", defaultValue = "1000", paramLabel = "KHZ",
            description = "With --jtag-bitbang: the adapter's TCK rate, which each clock cycle the client sends costs in "
                    + "simulated time (default ${DEFAULT-VALUE}, the 'adapter speed' of OpenOCD's target/stm32f1x.cfg); "
                    + "remote_bitbang carries no rate of its own.")
    int jtagKhz;

    @Option(names = "--no-wall-clock",
            description = "Keep the chip's clock still while a client thinks: simulated time is then only what the "
                    + "emulators charge and does not depend on the host's load (for measurements).")
    boolean noWallClock;

    @ArgGroup(exclusive = true, multiplicity = "1")
    FrontEnd frontEnd;

    static final class FrontEnd {
        @Option(names = "--bootloader-pty", paramLabel = "PATH", description = "AN3155 ROM bootloader on a pty.")
        Path bootloaderPty;
        @Option(names = "--bmp-pty", paramLabel = "PATH", description = "Black Magic Probe GDB server on a pty.")
        Path bmpPty;
        @Option(names = "--bmp-tcp", paramLabel = "PORT", description = "Black Magic Probe GDB server on 127.0.0.1:PORT.")
        Integer bmpTcp;
        @Option(names = "--stlink-tcp", paramLabel = "PORT",
                description = "An ST-Link behind the stlink-server protocol, several clients at once "
                        + "(OpenOCD: hla_stlink_backend tcp PORT; blueflash: --probe stlink-server:127.0.0.1:PORT).")
        Integer stlinkTcp;
        @Option(names = "--jtag-bitbang", paramLabel = "PORT",
                description = "JTAG chain (JTAG-DP + boundary scan) behind OpenOCD's remote_bitbang on 127.0.0.1:PORT.")
        Integer jtagBitbang;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;
    private final PrintStream out;

    public SimServeCommand() {
        this(System.in, System.out);
    }

    SimServeCommand(InputStream stdin, PrintStream out) {
        this.stdin = stdin;
        this.out = out;
    }

    private ChipWaveforms waves;

    /** The profile names for {@code --help}, from the simulator's own list. */
    static final class ProfileNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ProfileNames() {
            super(SimProfile.knownNames());
        }
    }

    @Override
    public Integer call() throws Exception {
        GlobalSettings settings = globalSettings();
        boolean json = settings != null && settings.json();
        SimProfile chosen = chosenProfile(settings);
        TimingPreset preset = TimingPreset.named(timing);
        SimServer server = SimServer.open(chosen, state, System.err).paceToSimulatedTime(pace);
        server.chip().setFlashTiming(preset);
        server.setClientWaitsCharged(!noWallClock);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean summarised = new AtomicBoolean();
        String where = start(server);
        Runnable stop = () -> {
            stop(server);
            if (!summarised.getAndSet(true)) {
                summarise(server, chosen, where, json);
            }
        };
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "sim-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintStream banner = json ? System.err : out;   // under --json, stdout holds the one JSON document
        banner.printf("blueflash sim: %s serving %s; state %s; Ctrl-C%s stops%n",
                chosen.name(), where, state, ignoreStdin ? "" : " or end of input");
        banner.flush();
        if (ignoreStdin) {
            stopped.await();
            return 0;
        }
        waitForEndOfInput();
        stop.run();
        Runtime.getRuntime().removeShutdownHook(hook);
        return 0;
    }

    /** The root command's global options, when this runs under it (not in a bare picocli test). */
    private GlobalSettings globalSettings() {
        if (spec != null && spec.root().userObject() instanceof GlobalSettings.Source root) {
            return root.settings();
        }
        return null;
    }

    private SimProfile chosenProfile(GlobalSettings settings) {
        SimProfile named;
        try {
            named = SimProfile.named(profile);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
        if (settings == null || settings.flashSize().isEmpty()) {
            return named;
        }
        try {
            return named.withFlash(settings.flashSize().getAsLong());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--flash: " + e.getMessage());
        }
    }

    /** What the server did, on whichever way it stopped (end of input, Ctrl-C, SIGTERM). */
    private void summarise(SimServer server, SimProfile chosen, String where, boolean json) {
        List<SimServer.SessionReport> sessions = server.sessionReports();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", true);
            doc.put("profile", chosen.name());
            doc.put("flashBytes", chosen.physicalFlashBytes());
            doc.put("served", where);
            doc.put("stateFile", state.toString());
            doc.put("paced", pace);
            doc.put("sessions", sessions.size());
            doc.put("simulatedNanos", server.simulatedNanos());
            List<Object> list = new ArrayList<>();
            for (SimServer.SessionReport r : sessions) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("frontEnd", r.frontEnd());
                one.put("number", r.number());
                one.put("simulatedNanos", r.simulatedNanos());
                one.put("waitingForClientNanos", r.waitingNanos());
                one.put("busyNanos", r.busyNanos());
                one.put("bytesIn", r.bytesIn());
                one.put("bytesOut", r.bytesOut());
                list.add(one);
            }
            doc.put("clientSessions", list);
            out.println(Json.write(doc));
        } else {
            for (SimServer.SessionReport r : sessions) {
                out.println("  " + r.text());
            }
            out.printf(java.util.Locale.ROOT, "blueflash sim: stopped after %d client session(s), %.3f ms simulated; "
                    + "state saved to %s%n", sessions.size(), server.simulatedNanos() / 1e6, state);
        }
        out.flush();
    }

    /** Stops serving, saves the state, then completes the --vcd file. */
    void stop(SimServer server) {
        try {
            server.close();
        } finally {
            if (waves != null) {
                waves.close();
            }
        }
    }

    /** The global --vcd file's writer (its time starts at the chip's present instant), or null. */
    private VcdWriter vcdWriter(SimServer server) {
        if (spec == null || !(spec.root().userObject() instanceof GlobalSettings.Source source)) {
            return null; // run on its own (tests): no global options
        }
        VcdWriter writer = WaveformFile.open(source.settings(), "blueflash sim serve " + server.chip().profile().name());
        if (writer == null) {
            return null;
        }
        if (vcdForNanos != null) {
            writer.limitTo(vcdForNanos);
        }
        return writer;
    }

    /** Starts the chosen front end (and the control channel) and says where it listens. */
    String start(SimServer server) {
        if (jtagKhz <= 0 || jtagKhz > 1_000_000) {
            server.close();
            throw new CommandLine.ParameterException(spec.commandLine(), "--jtag-khz: 1 to 1000000 kHz, got " + jtagKhz);
        }
        HostLine line = frontEnd.bootloaderPty != null ? hostLine() : null;
        String where = startFrontEnd(server, line);
        if (control == null) {
            return where;
        }
        ControlChannel.Wiring wiring;
        try {
            wiring = ControlChannel.Wiring.parse(controlWiring);
        } catch (IllegalArgumentException e) {
            server.close();
            throw new CommandLine.ParameterException(spec.commandLine(), "--control-wiring: " + e.getMessage());
        }
        int port = server.serveControl(control, new ControlChannel(server, line, wiring)::serve);
        return where + ", board control on 127.0.0.1:" + port;
    }

    private HostLine hostLine() {
        if (baud <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baud: a positive rate, got " + baud);
        }
        if (!HostLine.withinSpec(baud)) {
            System.err.printf("blueflash sim: --baud %d is outside the %d-%d baud the USART bootloader auto-detects "
                    + "(AN3155 §2); served anyway%n", baud, HostLine.MIN_SPEC_BAUD, HostLine.MAX_SPEC_BAUD);
        }
        return new HostLine(baud);
    }

    private String startFrontEnd(SimServer server, HostLine line) {
        FrontEnd f = frontEnd;
        VcdWriter writer = vcdWriter(server);
        if (f.bootloaderPty != null) {
            if (writer != null) {
                waves = ChipWaveforms.bootloaderUart(server.chip(), writer, 0, baud, true);
            }
            server.servePty("bootloader", f.bootloaderPty, SimEmulators.bootloader(server, line, System.err, waves));
            return "the AN3155 bootloader on " + f.bootloaderPty;
        }
        if (f.jtagBitbang != null) {
            long tckHz = jtagKhz * 1000L;
            StreamService service = SimEmulators.jtagBitbang(server.chip(), tckHz);
            if (writer != null) {
                waves = ChipWaveforms.jtagProbe(server.chip(), writer, 0, tckHz).withFirmwarePins();
                service = SimEmulators.jtagBitbang(server.chip(), tckHz, waves);
            }
            int port = server.serveTcp("remote_bitbang", f.jtagBitbang, service);
            return "JTAG (remote_bitbang, TCK " + jtagKhz + " kHz) on 127.0.0.1:" + port;
        }
        if (writer != null) {
            waves = ChipWaveforms.swdProbe(server.chip(), writer, 0).withFirmwarePins();
            server.chip().addTraceListener(waves);
        }
        if (f.bmpPty != null) {
            server.servePty("bmp", f.bmpPty, SimEmulators.blackMagicProbe(server));
            return "a Black Magic Probe GDB server on " + f.bmpPty;
        }
        if (f.bmpTcp != null) {
            int port = server.serveTcp("bmp", f.bmpTcp, SimEmulators.blackMagicProbe(server));
            return "a Black Magic Probe GDB server on 127.0.0.1:" + port;
        }
        if (f.stlinkTcp != null) {
            StLinkPersonality probe = stLinkPersonality();
            int port = server.serveTcpConcurrently("stlink-server", f.stlinkTcp,
                    SimEmulators.stLinkServer(server.chip(), probe, TimingPreset.named(timing), System.err));
            return "an ST-Link/" + probe.model() + " (" + probe.label() + ", serial " + probe.serial()
                    + ", stlink-server protocol) on 127.0.0.1:" + port;
        }
        throw new IllegalStateException("no front end chosen");
    }

    /** The probe --stlink-model and --stlink-serial ask for. */
    StLinkPersonality stLinkPersonality() {
        StLinkPersonality probe;
        try {
            probe = StLinkPersonality.ofModel(stlinkModel);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stlink-model: " + e.getMessage());
        }
        if (stlinkSerial == null) {
            return probe;
        }
        if (stlinkSerial.isEmpty() || stlinkSerial.length() > 32 || !stlinkSerial.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--stlink-serial: 1 to 32 printable characters without spaces, got '" + stlinkSerial + "'");
        }
        return probe.withSerial(stlinkSerial);
    }

    private void waitForEndOfInput() {
        byte[] buffer = new byte[256];
        try {
            while (stdin.read(buffer) >= 0) {
                // input is only a stop signal
            }
        } catch (IOException e) {
            // a closed standard input is an end of input
        }
    }
}
