package io.blueflash.cli.command;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.TraceSink;
import io.blueflash.port.in.ListProbesUseCase;
import io.blueflash.port.in.ProbeInfo;
import io.blueflash.port.in.ProbeListing;
import io.blueflash.port.out.ProbeNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Decides which probe a command uses and how to connect (DESIGN §4): {@code --probe}, else
 * {@code --serial} (an ST-Link), else {@code BLUEFLASH_PROBE}, else the one real probe attached.
 * The simulator is used only when asked for by name: with no probe attached the error names
 * {@code --probe sim} instead of silently flashing a simulated chip.
 */
public final class ProbeChoice {

    /** Profile the simulator uses when {@code --probe sim} names none (CONTRACTS C1). */
    public static final String DEFAULT_SIM_PROFILE = "stm32f103c8";

    private ProbeChoice() {
    }

    /**
     * @param notes receives a line when the choice came from the environment or auto-detection
     */
    public static ProbeSelector select(GlobalSettings settings, CliEnvironment env, ListProbesUseCase listing,
                                       Consumer<String> notes) {
        if (settings.probe().isPresent()) {
            return ProbeSelector.parse(settings.probe().get());
        }
        if (settings.serial().isPresent()) {
            return new ProbeSelector("stlink", settings.serial().get());
        }
        Optional<String> fromEnv = env.variable(CliEnvironment.PROBE_VARIABLE);
        if (fromEnv.isPresent()) {
            notes.accept("probe: " + fromEnv.get() + " (from " + CliEnvironment.PROBE_VARIABLE + ")");
            return ProbeSelector.parse(fromEnv.get());
        }
        ProbeListing found = listing.listProbes();
        List<ProbeInfo> real = found.probes().stream().filter(p -> !"sim".equals(p.transport())).toList();
        if (real.size() == 1) {
            notes.accept("probe: " + real.get(0).selector() + " (" + real.get(0).description() + ")");
            return ProbeSelector.parse(real.get(0).selector());
        }
        if (real.isEmpty()) {
            String problems = found.problems().isEmpty() ? ""
                    : " (" + String.join("; ", found.problems()) + ")";
            throw new ProbeNotFoundException("no probe found: no ST-Link on USB and no --probe given" + problems);
        }
        throw new UsageException("several probes are attached; choose one with --probe: "
                + real.stream().map(ProbeInfo::selector).collect(Collectors.joining(", ")));
    }

    /**
     * Connect options from the global settings; the sim gets its state file, an ST-Link the wire
     * {@code --protocol} names (a probe that cannot use it is refused by {@link WireChoice}).
     */
    public static ConnectOptions connectOptions(ProbeSelector probe, GlobalSettings settings, CliEnvironment env,
                                                TraceSink trace) {
        ConnectOptions options = ConnectOptions.defaults().withMode(settings.connectMode()).withTrace(trace);
        if (settings.frequencyKhz().isPresent()) {
            options = options.withSwdFrequencyKhz(settings.frequencyKhz().getAsInt());
        }
        options = WireChoice.apply(probe, settings.protocol(), options);
        if ("sim".equals(probe.transport())) {
            Path state = simStateFile(probe, settings, env).toAbsolutePath();
            createParent(state);
            options = options.withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
            List<String> faults = faultsFor(probe, settings.simFaults());
            if (!faults.isEmpty()) {
                options = options.withTransportOption(ConnectOptions.SIM_FAULTS, String.join(",", faults));
            }
            if (settings.vcd().isPresent() && settings.probes().size() > 1) {
                throw new UsageException("--vcd records the wires of one simulated board; this gang write has "
                        + settings.probes().size() + " (record one --probe at a time)");
            }
            if (settings.vcd().isPresent()) {
                options = options.withTransportOption(ConnectOptions.SIM_VCD, settings.vcd().get().toAbsolutePath().toString());
            }
            if (settings.vcdMaxBytes().isPresent()) {
                options = options.withTransportOption(ConnectOptions.SIM_VCD_MAX_BYTES,
                        Long.toString(settings.vcdMaxBytes().getAsLong()));
            }
        } else if (!settings.simFaults().isEmpty()) {
            throw new UsageException("--sim-fault injects faults into the simulated chip: use it with --probe sim, "
                    + "not with " + probe);
        } else if (settings.vcd().isPresent()) {
            throw new UsageException("--vcd records the simulated chip's wires: use it with --probe sim "
                    + "(a real probe's wires need a logic analyser), not with " + probe);
        }
        return options;
    }

    private static void createParent(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the simulator state file " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code --sim-state}, else {@code ~/.blueflash/sim-PROFILE.state}: one chip per profile. Board
     * {@code #N} ({@code --probe sim#N}, gang programming) is a chip of its own: {@code sim-PROFILE-N.state},
     * or {@code --sim-state}'s name with {@code -N} before its extension ({@code a.state} → {@code a-2.state}).
     */
    public static Path simStateFile(ProbeSelector probe, GlobalSettings settings, CliEnvironment env) {
        String named = probe.argumentWithoutNumber().trim();
        String profile = named.isEmpty() ? DEFAULT_SIM_PROFILE : named;
        java.util.OptionalInt board = numberOf(probe);
        String suffix = board.isPresent() ? "-" + board.getAsInt() : "";
        if (settings.simState().isPresent()) {
            Path given = settings.simState().get();
            if (suffix.isEmpty()) {
                return given;
            }
            String name = given.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String numbered = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
            return given.resolveSibling(numbered);
        }
        return env.blueflashDirectory().resolve("sim-" + profile + suffix + ".state");
    }

    private static java.util.OptionalInt numberOf(ProbeSelector probe) {
        try {
            return probe.number();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The {@code --sim-fault} items for this simulated board: unscoped items go to every board,
     * {@code sim#2:wait-storm=50} to board 2 only (the scope is a {@code --probe} text).
     */
    static List<String> faultsFor(ProbeSelector probe, List<String> items) {
        List<String> mine = new java.util.ArrayList<>();
        for (String joined : items) {
            for (String item : joined.split(",")) {
                int colon = item.indexOf(':');
                int eq = item.indexOf('=');
                boolean scoped = colon > 0 && (eq < 0 || colon < eq) && item.trim().startsWith("sim")
                        && !item.substring(0, colon).contains("=");
                if (!scoped) {
                    if (!item.isBlank()) {
                        mine.add(item.trim());
                    }
                    continue;
                }
                // the scope may itself hold a colon (sim:stm32f103cb#2:wait-storm=5): the fault starts after the last one
                int split = item.lastIndexOf(':', eq < 0 ? item.length() : eq);
                ProbeSelector scope = ProbeSelector.parse(item.substring(0, split).trim());
                if (sameBoard(scope, probe)) {
                    mine.add(item.substring(split + 1).trim());
                }
            }
        }
        return mine;
    }

    /** Whether two {@code sim} selectors name the same board (profile defaulted, number compared). */
    static boolean sameBoard(ProbeSelector a, ProbeSelector b) {
        return a.transport().equals(b.transport()) && profileOf(a).equals(profileOf(b))
                && numberOf(a).equals(numberOf(b));
    }

    private static String profileOf(ProbeSelector sim) {
        String named = sim.argumentWithoutNumber().trim().toLowerCase(java.util.Locale.ROOT);
        return named.isEmpty() ? DEFAULT_SIM_PROFILE : named;
    }
}
