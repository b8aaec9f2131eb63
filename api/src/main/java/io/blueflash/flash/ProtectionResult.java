package io.blueflash.flash;

import java.util.List;
import java.util.Objects;

/**
 * What a protection change did.
 *
 * @param method      how: the flash controller's registers over the debug port, or the far end's command
 * @param changed     false when the option bytes already held the result (nothing written)
 * @param flashErased whether the chip mass-erased its main flash (removing read protection)
 * @param wrpBits     the WRP bits (flash blocks) protected by the change
 * @param inForce     whether the change is already in force (the far end reset the chip)
 */
public record ProtectionResult(String method, boolean changed, boolean flashErased, List<Integer> wrpBits,
                               boolean inForce) {

    public ProtectionResult {
        Objects.requireNonNull(method, "'method' must not be null");
        wrpBits = List.copyOf(Objects.requireNonNull(wrpBits, "'wrpBits' must not be null"));
    }
}
