package io.blueflash.sim.stlink;

import java.util.Objects;

/**
 * What the emulated probe claims to be and how fast its USB link is (facts §D.1, §D.5).
 *
 * <p>Cost model, per command: {@code roundTripNanos} (bulk OUT command, firmware, bulk IN reply)
 * plus {@code nanosPerByte} for every byte of the command block, data phase and reply; the SWD
 * transactions the firmware makes are charged separately by the simulated chip. Figures chosen:
 * <ul>
 *   <li>full speed (V2, V2-1): 1 ms round trip, 820 ns per byte. USB 2.0 §5.8 schedules
 *       full-speed bulk traffic in 1 ms frames, and a command and its reply cannot both beat the
 *       frame, so one command costs about a frame; 19 × 64-byte packets per frame is
 *       1216 bytes/ms ≈ 820 ns/byte;</li>
 *   <li>high speed (V3): 125 µs round trip (one microframe; a high-speed Cypress FX2 link was
 *       measured at 0.125 ms round trip, wfjm/w11 issue #4), 19 ns per byte
 *       (13 × 512-byte packets per 125 µs microframe).</li>
 * </ul>
 *
 * @param model          "V2", "V2-1" or "V3"
 * @param hardware       hardware version V (2 or 3)
 * @param jtag           JTAG/SWD firmware version J (gates commands as real firmware does)
 * @param swimOrMsd      S (V2) or M (V2-1, V3) version
 * @param productId      USB PID reported by GET_VERSION (facts §D.1)
 * @param serial         USB serial number, as the host sees it
 * @param targetMillivolts what GET_TARGET_VOLTAGE measures; 0 = target unpowered
 * @param roundTripNanos per-command USB overhead
 * @param nanosPerByte   USB transfer time per byte moved
 */
public record StLinkPersonality(String model, int hardware, int jtag, int swimOrMsd, int productId, String serial,
                                int targetMillivolts, long roundTripNanos, long nanosPerByte) {

    public static final long FULL_SPEED_ROUND_TRIP_NANOS = 1_000_000, FULL_SPEED_NANOS_PER_BYTE = 820;
    public static final long HIGH_SPEED_ROUND_TRIP_NANOS = 125_000, HIGH_SPEED_NANOS_PER_BYTE = 19;

    public StLinkPersonality {
        Objects.requireNonNull(model, "'model' must not be null");
        Objects.requireNonNull(serial, "'serial' must not be null");
        if (hardware != 2 && hardware != 3) {
            throw new IllegalArgumentException("'hardware' must be 2 or 3 (V1 is not emulated): " + hardware);
        }
        if (jtag < 0 || jtag > 63 || swimOrMsd < 0 || swimOrMsd > 63) {
            throw new IllegalArgumentException("'jtag' and 'swimOrMsd' must fit 6 bits");
        }
        if (roundTripNanos < 0 || nanosPerByte < 0 || targetMillivolts < 0) {
            throw new IllegalArgumentException("times and voltage must not be negative");
        }
    }

    /** The common clone: PID 0x3748, "V2J29S7" (facts §D.13), full speed. */
    public static StLinkPersonality v2() {
        return new StLinkPersonality("V2", 2, 29, 7, 0x3748, "303030303030303030303031", 3300,
                FULL_SPEED_ROUND_TRIP_NANOS, FULL_SPEED_NANOS_PER_BYTE);
    }

    /** A Nucleo-style V2-1, PID 0x374B, "V2J37M26", full speed. */
    public static StLinkPersonality v21() {
        return new StLinkPersonality("V2-1", 2, 37, 26, 0x374B, "066DFF485550755187121723", 3300,
                FULL_SPEED_ROUND_TRIP_NANOS, FULL_SPEED_NANOS_PER_BYTE);
    }

    /** An STLINK-V3SET, PID 0x374F, "V3J7M3", high speed. */
    public static StLinkPersonality v3() {
        return new StLinkPersonality("V3", 3, 7, 3, 0x374F, "002F003D3438510B34313939", 3300,
                HIGH_SPEED_ROUND_TRIP_NANOS, HIGH_SPEED_NANOS_PER_BYTE);
    }

    /**
     * The probe of one generation by the name users and stlink give it: "V2" ({@link #v2()}), "V2-1"
     * ({@link #v21()}) or "V3" ({@link #v3()}), in any case.
     */
    public static StLinkPersonality ofModel(String model) {
        Objects.requireNonNull(model, "'model' must not be null");
        return switch (model.toUpperCase(java.util.Locale.ROOT)) {
            case "V2" -> v2();
            case "V2-1", "V21" -> v21();
            case "V3" -> v3();
            default -> throw new IllegalArgumentException("unknown ST-Link model '" + model + "': V2, V2-1 or V3");
        };
    }

    /** The same probe with another JTAG/SWD firmware version, to test feature gating. */
    public StLinkPersonality withFirmware(int newJtag) {
        return new StLinkPersonality(model, hardware, newJtag, swimOrMsd, productId, serial, targetMillivolts,
                roundTripNanos, nanosPerByte);
    }

    public StLinkPersonality withSerial(String newSerial) {
        return new StLinkPersonality(model, hardware, jtag, swimOrMsd, productId, newSerial, targetMillivolts,
                roundTripNanos, nanosPerByte);
    }

    public StLinkPersonality withTargetMillivolts(int millivolts) {
        return new StLinkPersonality(model, hardware, jtag, swimOrMsd, productId, serial, millivolts,
                roundTripNanos, nanosPerByte);
    }

    public boolean isV3() {
        return hardware >= 3;
    }

    /** True when a V2 firmware is at least J{@code j}; every V3 firmware has all V2 features. */
    boolean atLeast(int j) {
        return isV3() || jtag >= j;
    }

    /** "V2J29S7", "V2J37M26", "V3J7M3". */
    public String label() {
        return "V" + hardware + "J" + jtag + (model.equals("V2") ? "S" : "M") + swimOrMsd;
    }
}
