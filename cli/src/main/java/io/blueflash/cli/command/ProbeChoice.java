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

    /** Connect options from the global settings; the sim gets its state file. */
    public static ConnectOptions connectOptions(ProbeSelector probe, GlobalSettings settings, CliEnvironment env,
                                                TraceSink trace) {
        ConnectOptions options = ConnectOptions.defaults().withMode(settings.connectMode()).withTrace(trace);
        if (settings.frequencyKhz().isPresent()) {
            options = options.withSwdFrequencyKhz(settings.frequencyKhz().getAsInt());
        }
        if ("sim".equals(probe.transport())) {
            Path state = simStateFile(probe, settings, env).toAbsolutePath();
            createParent(state);
            options = options.withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
            if (!settings.simFaults().isEmpty()) {
                options = options.withTransportOption(ConnectOptions.SIM_FAULTS, String.join(",", settings.simFaults()));
            }
        } else if (!settings.simFaults().isEmpty()) {
            throw new UsageException("--sim-fault injects faults into the simulated chip: use it with --probe sim, "
                    + "not with " + probe);
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

    /** {@code --sim-state}, else {@code ~/.blueflash/sim-PROFILE.state}: one chip per profile. */
    public static Path simStateFile(ProbeSelector probe, GlobalSettings settings, CliEnvironment env) {
        String profile = probe.hasArgument() ? probe.argument() : DEFAULT_SIM_PROFILE;
        return settings.simState().orElse(env.blueflashDirectory().resolve("sim-" + profile + ".state"));
    }
}
