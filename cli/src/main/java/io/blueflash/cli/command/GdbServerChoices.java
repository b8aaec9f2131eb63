package io.blueflash.cli.command;

import io.blueflash.gdbserver.SemihostingOutput;
import java.util.Objects;

/**
 * The options of {@code gdb-server}.
 *
 * @param bind        address to listen on
 * @param port        TCP port, 0 for any free one
 * @param semihosting where semihosting console output goes
 */
public record GdbServerChoices(String bind, int port, SemihostingOutput semihosting) {

    public GdbServerChoices {
        Objects.requireNonNull(bind, "'bind' must not be null");
        Objects.requireNonNull(semihosting, "'semihosting' must not be null");
    }

    @Override
    public String toString() {
        return bind + ":" + port + " semihosting=" + semihosting.name().toLowerCase(java.util.Locale.ROOT);
    }
}
