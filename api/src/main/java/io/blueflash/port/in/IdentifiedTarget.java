package io.blueflash.port.in;

import io.blueflash.model.UniqueId;
import java.util.Objects;
import java.util.Optional;

/**
 * The target a write has connected to, as {@link TargetData} sees it.
 *
 * @param probe    the probe's {@code --probe} text ("sim:stm32f103c8#2", "stlink:0671FF...")
 * @param chip     the chip's one-line summary
 * @param uniqueId the 96-bit unique ID (RM0008 §30.2); empty when the probe could not read it
 */
public record IdentifiedTarget(String probe, String chip, Optional<UniqueId> uniqueId) {

    public IdentifiedTarget {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(chip, "'chip' must not be null");
        Objects.requireNonNull(uniqueId, "'uniqueId' must not be null");
    }
}
