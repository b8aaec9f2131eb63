package io.blueflash.sim.chip;

import java.util.Arrays;
import java.util.Objects;

/**
 * What survives between two CLI runs on the simulated board: main flash and option bytes.
 * Arrays are copied in and out.
 *
 * @param profileName the profile the content belongs to
 * @param flash       the whole physical main flash
 * @param optionBytes the 16 option bytes as stored (value and complement bytes)
 */
public record SimState(String profileName, byte[] flash, byte[] optionBytes) {

    public SimState {
        Objects.requireNonNull(profileName, "'profileName' must not be null");
        flash = Objects.requireNonNull(flash, "'flash' must not be null").clone();
        optionBytes = Objects.requireNonNull(optionBytes, "'optionBytes' must not be null").clone();
        if (optionBytes.length != OptionBytes.SIZE) {
            throw new IllegalArgumentException("'optionBytes' must be " + OptionBytes.SIZE + " bytes: " + optionBytes.length);
        }
    }

    @Override
    public byte[] flash() {
        return flash.clone();
    }

    @Override
    public byte[] optionBytes() {
        return optionBytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimState that && profileName.equals(that.profileName)
                && Arrays.equals(flash, that.flash) && Arrays.equals(optionBytes, that.optionBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileName, Arrays.hashCode(flash), Arrays.hashCode(optionBytes));
    }

    @Override
    public String toString() {
        return "SimState[" + profileName + ", " + flash.length + " bytes of flash]";
    }
}
