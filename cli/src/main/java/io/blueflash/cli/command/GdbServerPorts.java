package io.blueflash.cli.command;

import io.blueflash.gdbserver.FlashUseCases;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.TargetConnection;
import java.util.Objects;

/**
 * What the composition root gives {@code gdb-server}: a way to open the chosen probe (held for the
 * server's life) and the use cases to run over that held connection.
 */
public record GdbServerPorts(Opener open, FlashUseCases.Factory useCases) {

    /** Opens and attaches to the probe {@code --probe} names. */
    @FunctionalInterface
    public interface Opener {
        TargetConnection open(ProbeSelector probe, ConnectOptions connect);
    }

    public GdbServerPorts {
        Objects.requireNonNull(open, "'open' must not be null");
        Objects.requireNonNull(useCases, "'useCases' must not be null");
    }
}
