package io.blueflash.port.out;

/** The probe's NRST output (ST-Link DRIVE_NRST, facts §D.4; RM0008: ≥20 µs low pulse). */
public interface ResetLine {

    /** Drives NRST low (true) or releases it (false). */
    void setAsserted(boolean asserted);

    /** A reset pulse long enough for the STM32F1 (the probe's own pulse or ≥100 µs low). */
    default void pulse() {
        setAsserted(true);
        setAsserted(false);
    }
}
