package io.blueflash.port.in;

import io.blueflash.model.OptionBytesState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param method       how the change was made: the FPEC registers over the debug port, or the ROM
 *                     bootloader's own command
 * @param changed      false when the option bytes already held what was asked (nothing written)
 * @param flashErased  whether the chip mass-erased its main flash (removing read protection)
 * @param wrpBits      the WRP bits (4 KB blocks, facts §B.7) the change protected or unprotected
 * @param stored       the option bytes read back after the change, decoded; empty when they
 *                     cannot be read any more (a bootloader refuses reads once RDP is set)
 * @param inForce      whether the change is already in force (the bootloader resets the chip itself);
 *                     otherwise a reset or power cycle reloads the option bytes (facts §A.3)
 */
public record OptionBytesReport(String probe, String chip, OptionBytesChange change, String method, boolean changed,
                                boolean flashErased, List<Integer> wrpBits, Optional<OptionBytesState> stored, boolean inForce,
                                OperationTiming timing) {

    public OptionBytesReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(change, "'change' must not be null");
        Objects.requireNonNull(method, "'method' must not be null");
        wrpBits = List.copyOf(Objects.requireNonNull(wrpBits, "'wrpBits' must not be null"));
        Objects.requireNonNull(stored, "'stored' must not be null");
        Objects.requireNonNull(timing, "'timing' must not be null");
    }
}
