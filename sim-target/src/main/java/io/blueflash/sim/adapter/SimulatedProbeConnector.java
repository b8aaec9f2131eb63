package io.blueflash.sim.adapter;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeStateException;
import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.SimStateBusyException;
import io.blueflash.sim.chip.SimStateCorruptException;
import io.blueflash.sim.chip.SimStateLock;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.FlashTiming;
import io.blueflash.sim.chip.TimingCorner;
import io.blueflash.sim.wave.ChipWaveforms;
import io.blueflash.sim.wave.VcdWriter;
import io.blueflash.sim.chip.TimingPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code --probe sim[:PROFILE][#N]}: a simulated STM32F103 behind a simulated SWD probe (DESIGN §3).
 * The selector argument names the profile ({@link SimProfile#knownNames()}; default
 * {@value SimProfile#DEFAULT_NAME}); {@code #N} names board N of that profile, a chip of its own
 * with its own unique ID (gang programming writes several at once, each with its own state file).
 *
 * <p>Connect options: {@link ConnectOptions#SIM_STATE_FILE} names the state file, locked for the
 * whole session ({@link SimStateLock}: a second session gets {@link ProbeBusyException}), loaded at
 * connect when it exists (a corrupt or foreign file is a {@link ProbeStateException} naming the file,
 * which is left as it is) and saved atomically at close when the chip changed (a failed save is a
 * {@link ProbeStateException} from {@code close}); Ctrl-C or SIGTERM stops the session at the next
 * SWD transaction and saves it ({@link SessionSignals}); without one, each connector keeps one board per profile in
 * memory, so a second connection sees what the first wrote. {@code swdFrequencyKhz} sets the SWD
 * clock (default 4 MHz); {@value #TIMING_OPTION} picks the datasheet corner of the flash times;
 * {@value #AP_WAIT_OPTION}=true makes the DP answer WAIT while flash is busy; {@link ConnectOptions#SIM_VCD} records
 * the SWD connector's wires to a VCD file ({@link ChipWaveforms}); {@code trace} receives every SWD transaction, decoded bus access and
 * flash event; the {@link io.blueflash.model.ConnectMode} is honoured (normal: reset and halt;
 * under reset: halt while NRST is held; hot plug: attach only).
 */
public final class SimulatedProbeConnector implements ProbeConnector {

    public static final String TRANSPORT = "sim";
    /**
     * Transport option: flash timing, a datasheet corner {@code min}, {@code typ} (default) or {@code max}
     * (facts §B.8), or a preset: {@code datasheet} (= typ) or {@code measured} (calibrated on published
     * board figures, {@link TimingPreset}).
     */
    public static final String TIMING_OPTION = "sim.timing";
    /**
     * Transport option {@code true}: the DP answers WAIT while an AP transfer would stall on BSY,
     * instead of absorbing the stall in the transaction (see {@code SwDebugPort}).
     */
    public static final String AP_WAIT_OPTION = "sim.ap-wait";

    /**
     * Transport option: faults to inject at connect, e.g. {@code power-loss-after=100,wait-storm=5}
     * ({@link SimFaultOptions#GRAMMAR}); without it the board has none.
     */
    public static final String FAULTS_OPTION = ConnectOptions.SIM_FAULTS;

    private final Map<String, Stm32F103> boards = new HashMap<>();
    /** VCD files this connector has written, with the file time where each ended: a later session continues it. */
    private final Map<Path, Long> waveformEnds = new HashMap<>();
    /** Default size cap of a VCD file: 256 MiB. */
    public static final long DEFAULT_VCD_MAX_BYTES = 256L << 20;

    /** The ServiceLoader constructor: boards are created on demand. */
    public SimulatedProbeConnector() {
    }

    /** A connector whose {@code sim:<profile>} board is {@code chip} (tests inject faults into it). */
    public static SimulatedProbeConnector withBoard(Stm32F103 chip) {
        SimulatedProbeConnector connector = new SimulatedProbeConnector();
        connector.boards.put(chip.profile().name(), Objects.requireNonNull(chip, "'chip' must not be null"));
        return connector;
    }

    /**
     * The connector's board of this profile and number (tests inject one); a new chip when there is
     * none. Synchronized: a gang write connects to several boards from several threads at once.
     */
    private synchronized Stm32F103 boardFor(SimProfile profile, OptionalInt number, boolean keep) {
        String key = profile.name() + (number.isPresent() ? "#" + number.getAsInt() : "");
        Stm32F103 board = boards.get(key);
        if (board == null) {
            board = Stm32F103.create(profile);
            if (keep) {
                boards.put(key, board); // no state file: the board keeps its flash between connections
            }
        }
        return board;
    }

    /**
     * Board {@code #n} of a profile (gang programming): the same part, another die, so another
     * unique ID: U_ID[31:0] (the die's X/Y position on the wafer in ST's parts) plus {@code n}.
     */
    static SimProfile boardNumbered(SimProfile profile, int n) {
        List<Integer> id = profile.uniqueId();
        return profile.withUniqueId(List.of(id.get(0) + n, id.get(1), id.get(2)));
    }

    private static FlashTiming flashTiming(String text) {
        String name = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.equals("datasheet") || name.equals("measured")) {
            return TimingPreset.named(name).flashTiming();
        }
        try {
            return FlashTiming.datasheet(TimingCorner.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport option " + TIMING_OPTION + "=" + text
                    + " is not one of min, typ, max, datasheet, measured");
        }
    }

    /** Locks the state file for the session; busy becomes the probe-busy error every transport raises. */
    private static SimStateLock lock(Path stateFile) {
        try {
            return SimStateLock.acquire(stateFile, null);
        } catch (SimStateBusyException busy) {
            throw new ProbeBusyException(busy.getMessage(), busy.holder().orElse(null), busy);
        }
    }

    /** Loads the state file when it exists; the state as loaded (to skip saving what did not change), or null. */
    private static SimState load(Path stateFile, Stm32F103 chip) {
        if (!Files.exists(stateFile)) {
            return null;
        }
        try {
            SimStateFile.loadInto(stateFile, chip);
            return chip.saveState();
        } catch (SimStateCorruptException e) {
            throw new ProbeStateException(ProbeStateException.Kind.UNUSABLE, stateFile, e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new ProbeStateException(ProbeStateException.Kind.UNUSABLE, stateFile, e.getMessage(), e);
        }
    }

    /**
     * The VCD recorder {@link ConnectOptions#SIM_VCD} asks for, or null. A file this connector already
     * wrote in this process (a command's second session, e.g. {@code --reset}) is continued, not replaced.
     */
    private SessionWaveforms openWaveforms(ConnectOptions options, Stm32F103 chip) {
        String file = options.option(ConnectOptions.SIM_VCD, "");
        if (file.isBlank()) {
            return null;
        }
        Path path = Path.of(file).toAbsolutePath();
        long maxBytes = maxBytes(options.option(ConnectOptions.SIM_VCD_MAX_BYTES, ""));
        Long previousEnd = waveformEnds.get(path);
        String version = "blueflash simulated " + chip.profile().name();
        VcdWriter vcd = previousEnd == null ? VcdWriter.create(path, maxBytes, version)
                : VcdWriter.appendTo(path, maxBytes, version);
        long start = previousEnd == null ? 0 : previousEnd + SESSION_GAP_NANOS;
        return new SessionWaveforms(ChipWaveforms.swdProbe(chip, vcd, start), end -> waveformEnds.put(path, end));
    }

    /** Idle time drawn between two sessions in one VCD file. */
    private static final long SESSION_GAP_NANOS = 10_000;

    private static long maxBytes(String text) {
        if (text.isBlank()) {
            return DEFAULT_VCD_MAX_BYTES;
        }
        try {
            long bytes = Long.parseLong(text.trim());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("transport option " + ConnectOptions.SIM_VCD_MAX_BYTES + "=" + text
                + " is not a positive number of bytes");
    }

    @Override
    public String transportName() {
        return TRANSPORT;
    }

    @Override
    public List<ProbeDescriptor> listProbes() {
        return SimProfile.known().stream()
                .map(p -> new ProbeDescriptor(TRANSPORT, p.name(), "simulated " + p.description()))
                .toList();
    }

    @Override
    public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
        Objects.requireNonNull(selector, "'selector' must not be null");
        Objects.requireNonNull(options, "'options' must not be null");
        String profileName = selector.argumentWithoutNumber().isBlank() ? SimProfile.DEFAULT_NAME
                : selector.argumentWithoutNumber().trim();
        SimProfile profile;
        OptionalInt board;
        try {
            profile = SimProfile.named(profileName);
            board = selector.number();
        } catch (IllegalArgumentException unknown) {
            throw new ProbeNotFoundException(ProbeNotFoundException.Match.UNKNOWN_ARGUMENT,
                    unknown.getMessage() + " (use --probe sim:<profile> or sim:<profile>#<board>)");
        }
        if (board.isPresent()) {
            profile = boardNumbered(profile, board.getAsInt());
        }
        String stateOption = options.option(ConnectOptions.SIM_STATE_FILE, "");
        Path stateFile = stateOption.isBlank() ? null : Path.of(stateOption);
        Stm32F103 chip = boardFor(profile, board, stateFile == null);
        SimStateLock lock = stateFile == null ? null : lock(stateFile);
        SimState loaded;
        try {
            loaded = stateFile == null ? null : load(stateFile, chip);
            options.swdFrequencyKhz().ifPresent(khz -> chip.setSwdFrequencyHz(khz * 1000L));
            chip.setFlashTiming(flashTiming(options.option(TIMING_OPTION, "typ")));
            chip.debugPort().setWaitWhileBusStalls(Boolean.parseBoolean(options.option(AP_WAIT_OPTION, "false")));
            SimFaultOptions.apply(options.option(FAULTS_OPTION, ""), chip.faults());
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        ProbeDescriptor probe = new ProbeDescriptor(TRANSPORT,
                profile.name() + (board.isPresent() ? "#" + board.getAsInt() : ""), "simulated " + profile.description());
        SimulatedTargetConnection connection = new SimulatedTargetConnection(chip, probe, stateFile, options.trace(),
                lock, loaded);
        try {
            connection.recordWaveforms(openWaveforms(options, chip));
            connection.attach(options.mode());
        } catch (RuntimeException e) {
            connection.abandon();
            throw e;
        }
        return connection;
    }
}
