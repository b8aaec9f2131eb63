package io.blueflash.port.in;

import java.util.Objects;

/** @param performed the reset actually done (AUTO resolved); {@code halted}: the core is stopped */
public record ResetReport(String probe, ResetKind performed, boolean halted, OperationTiming timing) {

    public ResetReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(performed, "'performed' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
    }
}
