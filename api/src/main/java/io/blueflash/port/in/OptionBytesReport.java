package io.blueflash.port.in;

import java.util.List;
import java.util.Objects;

/**
 * @param method       how the change was made: the FPEC registers over the debug port, or the ROM
 *                     bootloader's own command
 * @param changed      false when the option bytes already held what was asked (nothing written)
 * @param flashErased  whether the chip mass-erased its main flash (removing read protection)
 * @param wrpBits      the WRP bits (4 KB blocks, facts §B.7) the change protected or unprotected
 * @param stored       the 16 stored option bytes read back after the change; empty when they
 *                     cannot be read any more (a bootloader refuses reads once RDP is set)
 * @param inForce      whether the change is already in force (the bootloader resets the chip itself);
 *                     otherwise a reset or power cycle reloads the option bytes (facts §A.3)
 */
public record OptionBytesReport(String probe, String chip, OptionBytesChange change, String method, boolean changed,
                                boolean flashErased, List<Integer> wrpBits, List<Integer> stored, boolean inForce,
                                OperationTiming timing) {

    public OptionBytesReport {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(change, "'change' must not be null");
        Objects.requireNonNull(method, "'method' must not be null");
        wrpBits = List.copyOf(Objects.requireNonNull(wrpBits, "'wrpBits' must not be null"));
        stored = List.copyOf(Objects.requireNonNull(stored, "'stored' must not be null"));
        Objects.requireNonNull(timing, "'timing' must not be null");
    }
}
