package io.blueflash.cli.sim;

import io.blueflash.cli.command.GlobalSettings;
import io.blueflash.sim.wave.VcdWriter;

/** The global {@code --vcd FILE} and {@code --vcd-max SIZE} as the {@code sim} subcommands use them. */
final class WaveformFile {

    /** The {@code --vcd-max} default: 256 MiB. */
    static final long DEFAULT_MAX_BYTES = 256L << 20;

    private WaveformFile() {
    }

    /** A writer for {@code --vcd FILE}, or null without the option. */
    static VcdWriter open(GlobalSettings settings, String version) {
        if (settings.vcd().isEmpty()) {
            return null;
        }
        return VcdWriter.create(settings.vcd().get(), settings.vcdMaxBytes().orElse(DEFAULT_MAX_BYTES), version);
    }
}
