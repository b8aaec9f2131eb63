package io.blueflash.model;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to open a probe and attach to its target.
 *
 * @param mode             normal, under reset, or hot-plug attach
 * @param swdFrequencyKhz  requested SWD clock; the probe picks its closest supported value
 * @param transportOptions transport-specific settings ({@code sim.state} file, {@code baud}, ...)
 * @param trace            receives teaching traces; {@link TraceSink#NONE} when not wanted
 */
public record ConnectOptions(ConnectMode mode, OptionalInt swdFrequencyKhz,
                             Map<String, String> transportOptions, TraceSink trace) {

    /** Key of {@link #transportOptions()}: the simulator's state file path. */
    public static final String SIM_STATE_FILE = "sim.state";
    /**
     * Key of {@link #transportOptions()}: faults the simulator injects, comma-separated
     * ({@code power-loss-after=N,wait-storm=N,nrst-not-wired,...}; docs/sim.md).
     */
    public static final String SIM_FAULTS = "sim.faults";
    /**
     * Key of {@link #transportOptions()}: a VCD file the simulator writes its wires to (the SWD
     * connector drawn bit by bit; docs/waveforms.md).
     */
    public static final String SIM_VCD = "sim.vcd";
    /** Key of {@link #transportOptions()}: size cap of the {@link #SIM_VCD} file in bytes. */
    public static final String SIM_VCD_MAX_BYTES = "sim.vcd-max";
    /** Key of {@link #transportOptions()}: serial baud rate. */
    public static final String BAUD = "baud";
    /**
     * Key of {@link #transportOptions()}: "true" makes an ST-Link attach over JTAG instead of SWD (the
     * SWJ-DP's JTAG-DP, ADIv5 §3.3); {@link #swdFrequencyKhz()} then asks for the JTAG clock. Read by the
     * ST-Link transport as its {@code JTAG_OPTION}; other transports do not read it.
     */
    public static final String STLINK_JTAG = "stlink.jtag";
    /**
     * Key of {@link #transportOptions()}: "true" makes a Black Magic Probe find its target with
     * {@code monitor jtag_scan} (the SWJ-DP's JTAG-DP, ADIv5 §3.3) instead of {@code monitor swd_scan}.
     * Read by the BMP transport as its {@code JTAG_OPTION}; other transports do not read it.
     */
    public static final String BMP_JTAG = "bmp.jtag";

    public ConnectOptions {
        Objects.requireNonNull(mode, "'mode' must not be null");
        Objects.requireNonNull(swdFrequencyKhz, "'swdFrequencyKhz' must not be null");
        transportOptions = Map.copyOf(Objects.requireNonNull(transportOptions, "'transportOptions' must not be null"));
        Objects.requireNonNull(trace, "'trace' must not be null");
    }

    public static ConnectOptions defaults() {
        return new ConnectOptions(ConnectMode.NORMAL, OptionalInt.empty(), Map.of(), TraceSink.NONE);
    }

    public ConnectOptions withMode(ConnectMode newMode) {
        return new ConnectOptions(newMode, swdFrequencyKhz, transportOptions, trace);
    }

    public ConnectOptions withSwdFrequencyKhz(int khz) {
        return new ConnectOptions(mode, OptionalInt.of(khz), transportOptions, trace);
    }

    public ConnectOptions withTransportOption(String key, String value) {
        var copy = new java.util.HashMap<>(transportOptions);
        copy.put(key, value);
        return new ConnectOptions(mode, swdFrequencyKhz, copy, trace);
    }

    public ConnectOptions withTrace(TraceSink newTrace) {
        return new ConnectOptions(mode, swdFrequencyKhz, transportOptions, newTrace);
    }

    public String option(String key, String fallback) {
        return transportOptions.getOrDefault(key, fallback);
    }
}
