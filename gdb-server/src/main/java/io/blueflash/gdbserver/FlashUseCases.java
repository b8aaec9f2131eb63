package io.blueflash.gdbserver;

import io.blueflash.port.in.EraseFlashUseCase;
import io.blueflash.port.in.InspectTargetUseCase;
import io.blueflash.port.in.WriteImageUseCase;
import java.util.Objects;

/**
 * The driving ports the server calls for what is more than a bus access: the memory map (inspect),
 * gdb's {@code load} (write: planner, skip unchanged pages, verify) and {@code monitor erase}.
 */
public record FlashUseCases(WriteImageUseCase write, InspectTargetUseCase inspect, EraseFlashUseCase erase) {

    public FlashUseCases {
        Objects.requireNonNull(write, "'write' must not be null");
        Objects.requireNonNull(inspect, "'inspect' must not be null");
        Objects.requireNonNull(erase, "'erase' must not be null");
    }

    /**
     * Built by the composition root: the use cases over {@code connector}, which hands out the
     * server's open connection (the server holds the probe; a use case must not open it twice).
     */
    @FunctionalInterface
    public interface Factory {
        FlashUseCases over(io.blueflash.port.out.ProbeConnector connector);
    }
}
