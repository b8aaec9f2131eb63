package io.blueflash.sim.chip;

/**
 * Which figures the simulator's time model uses (docs/sim.md, "Timing presets").
 *
 * <ul>
 *   <li>{@link #DATASHEET}: DS5319's flash times at one corner (typical by default) and nothing
 *       more: a probe costs only its USB round trips and the SWD bits.</li>
 *   <li>{@link #MEASURED}: flash times and an ST-Link firmware cost per memory transfer calibrated
 *       so that unmodified OpenOCD 0.12 through the simulated ST-Link V2 reproduces the published
 *       real-board figures of a Blue Pill: 47.0 KiB/s writing after a mass erase, 17.6 KiB/s with
 *       page erase, 50–58 KiB/s reading (each constant's source in docs/sim.md).</li>
 * </ul>
 */
public enum TimingPreset {
    DATASHEET,
    MEASURED;

    /**
     * ST-Link firmware time per word, half-word or byte read by a memory command, for
     * {@link #MEASURED}: calibrated on OpenOCD's {@code dump_image} of 64 KiB through the simulated
     * V2 at OpenOCD's default 1 MHz (950 kHz) SWD clock against 50.0 and 58.0 KiB/s (docs/sim.md).
     */
    public static final long MEASURED_STLINK_NANOS_PER_READ_TRANSFER = 14_000;

    /** The flash BSY times of this preset (DATASHEET: the typical corner). */
    public FlashTiming flashTiming() {
        return this == DATASHEET ? FlashTiming.datasheet(TimingCorner.TYP) : FlashTiming.measured();
    }

    /** What the ST-Link emulator's firmware spends per memory read transfer under this preset. */
    public long stLinkNanosPerReadTransfer() {
        return this == DATASHEET ? 0 : MEASURED_STLINK_NANOS_PER_READ_TRANSFER;
    }

    /** "datasheet" or "measured", in any case. */
    public static TimingPreset named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "datasheet" -> DATASHEET;
            case "measured" -> MEASURED;
            default -> throw new IllegalArgumentException("unknown timing preset '" + name + "': datasheet or measured");
        };
    }

    /** The name users type. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
