package io.blueflash.cli.command;

import io.blueflash.model.ConnectMode;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The global options of one invocation after parsing, whichever grammar they came from
 * (blueflash's or st-flash's), so both command trees run the same {@link Operations}.
 *
 * @param probe         the {@code --probe} text, if given
 * @param simState      {@code --sim-state FILE}, if given
 * @param serial        {@code --serial S} (an ST-Link serial), if given
 * @param frequencyKhz  {@code --freq}, if given
 * @param connectMode   normal, {@code --connect-under-reset} or {@code --hot-plug}
 * @param flashSize     {@code --flash=SIZE} override of the chip's flash size, if given
 * @param format        {@code --format binary|ihex|elf|srec}, if given (else detected)
 * @param resetAfter    {@code --reset}: reset and run the target when done
 * @param json          {@code --json}: one JSON document on stdout, nothing else there
 * @param trace         {@code --trace[=LEVEL|FILE]}: the teaching trace, its level and where it goes
 * @param progress      false under {@code --no-progress} (and under {@code --json})
 * @param verbosity     0 normal, 1 {@code --verbose}, 2 {@code --debug} (stack traces on errors)
 * @param trimErased    st-flash's {@code --opt}: drop trailing 0xFF bytes of the image
 * @param simFaults     {@code --sim-fault SPEC} items for the simulated chip (empty: none)
 * @param probes        every {@code --probe} given, in order ({@code probe} is the first); several
 *                      only for a gang write
 * @param vcd           {@code --vcd FILE}: the simulated chip's wires as a value change dump, if given
 * @param vcdMaxBytes   {@code --vcd-max SIZE}: size cap of that file, if given
 * @param protocol      {@code --protocol swd|jtag}: the debug wire, if given (else the probe's own, SWD)
 */
public record GlobalSettings(Optional<String> probe, Optional<Path> simState, Optional<String> serial,
                             OptionalInt frequencyKhz, ConnectMode connectMode, OptionalLong flashSize,
                             Optional<String> format, boolean resetAfter, boolean json, TraceChoice trace,
                             boolean progress, int verbosity, boolean trimErased, java.util.List<String> simFaults,
                             java.util.List<String> probes, Optional<Path> vcd, OptionalLong vcdMaxBytes,
                             Optional<WireProtocol> protocol) {

    public GlobalSettings {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(simState, "'simState' must not be null");
        Objects.requireNonNull(serial, "'serial' must not be null");
        Objects.requireNonNull(frequencyKhz, "'frequencyKhz' must not be null");
        Objects.requireNonNull(connectMode, "'connectMode' must not be null");
        Objects.requireNonNull(flashSize, "'flashSize' must not be null");
        Objects.requireNonNull(format, "'format' must not be null");
        Objects.requireNonNull(trace, "'trace' must not be null");
        simFaults = java.util.List.copyOf(Objects.requireNonNull(simFaults, "'simFaults' must not be null"));
        probes = java.util.List.copyOf(Objects.requireNonNull(probes, "'probes' must not be null"));
        if (probes.isEmpty() && probe.isPresent()) {
            probes = java.util.List.of(probe.get());
        }
        Objects.requireNonNull(vcd, "'vcd' must not be null");
        Objects.requireNonNull(vcdMaxBytes, "'vcdMaxBytes' must not be null");
        Objects.requireNonNull(protocol, "'protocol' must not be null");
    }

    /** Settings that leave the debug wire to the probe. */
    public GlobalSettings(Optional<String> probe, Optional<Path> simState, Optional<String> serial,
                          OptionalInt frequencyKhz, ConnectMode connectMode, OptionalLong flashSize,
                          Optional<String> format, boolean resetAfter, boolean json, TraceChoice trace,
                          boolean progress, int verbosity, boolean trimErased, java.util.List<String> simFaults,
                          java.util.List<String> probes, Optional<Path> vcd, OptionalLong vcdMaxBytes) {
        this(probe, simState, serial, frequencyKhz, connectMode, flashSize, format, resetAfter, json, trace, progress,
                verbosity, trimErased, simFaults, probes, vcd, vcdMaxBytes, Optional.empty());
    }

    /** Settings without a waveform file. */
    public GlobalSettings(Optional<String> probe, Optional<Path> simState, Optional<String> serial,
                          OptionalInt frequencyKhz, ConnectMode connectMode, OptionalLong flashSize,
                          Optional<String> format, boolean resetAfter, boolean json, boolean trace,
                          boolean progress, int verbosity, boolean trimErased, java.util.List<String> simFaults,
                          java.util.List<String> probes) {
        this(probe, simState, serial, frequencyKhz, connectMode, flashSize, format, resetAfter, json,
                TraceChoice.of(trace), progress, verbosity, trimErased, simFaults, probes, Optional.empty(),
                OptionalLong.empty());
    }

    /** Settings with one probe at most. */
    public GlobalSettings(Optional<String> probe, Optional<Path> simState, Optional<String> serial,
                          OptionalInt frequencyKhz, ConnectMode connectMode, OptionalLong flashSize,
                          Optional<String> format, boolean resetAfter, boolean json, boolean trace,
                          boolean progress, int verbosity, boolean trimErased, java.util.List<String> simFaults) {
        this(probe, simState, serial, frequencyKhz, connectMode, flashSize, format, resetAfter, json, trace, progress,
                verbosity, trimErased, simFaults, java.util.List.of());
    }

    /** Settings without simulator faults. */
    public GlobalSettings(Optional<String> probe, Optional<Path> simState, Optional<String> serial,
                          OptionalInt frequencyKhz, ConnectMode connectMode, OptionalLong flashSize,
                          Optional<String> format, boolean resetAfter, boolean json, boolean trace,
                          boolean progress, int verbosity, boolean trimErased) {
        this(probe, simState, serial, frequencyKhz, connectMode, flashSize, format, resetAfter, json, trace, progress,
                verbosity, trimErased, java.util.List.of(), java.util.List.of());
    }

    public boolean debug() {
        return verbosity >= 2;
    }

    /**
     * The root command as its subcommands see it: a subcommand in another package ({@code cli.sim})
     * asks the root's user object for the parsed global options through this, not through the root's
     * class, so the root may depend on its subcommands and never the other way round.
     */
    public interface Source {
        /** The parsed global options; valid after parsing. */
        GlobalSettings settings();
    }
}
