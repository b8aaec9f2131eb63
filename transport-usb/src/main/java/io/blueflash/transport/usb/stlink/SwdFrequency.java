package io.blueflash.transport.usb.stlink;

import java.util.List;

/**
 * Choosing an SWD clock the probe can make (facts §D.8): V2 firmware takes a divisor from a fixed
 * table, V3 firmware lists the kHz values it offers. The closest value not above the request
 * wins (a faster clock than asked for may break a marginal wiring); when nothing is at or below
 * the request, the slowest offered is used. {@link Choice#exact()} tells the caller to warn.
 */
public final class SwdFrequency {

    /** V2 SWD divisor table, kHz → divisor (OpenOCD {@code stlink_khz_to_speed_map_swd}). */
    public static final List<Choice> V2_TABLE = List.of(
            new Choice(4000, 0, true), new Choice(1800, 1, true), new Choice(1200, 2, true),
            new Choice(950, 3, true), new Choice(480, 7, true), new Choice(240, 15, true),
            new Choice(125, 31, true), new Choice(100, 40, true), new Choice(50, 79, true),
            new Choice(25, 158, true), new Choice(15, 265, true), new Choice(5, 798, true));

    /** V2 JTAG divisor table, kHz → divisor (OpenOCD {@code stlink_khz_to_speed_map_jtag}). */
    public static final List<Choice> V2_JTAG_TABLE = List.of(
            new Choice(9000, 4, true), new Choice(4500, 8, true), new Choice(2250, 16, true),
            new Choice(1125, 32, true), new Choice(562, 64, true), new Choice(281, 128, true),
            new Choice(140, 256, true));

    /** Default when the user asks for nothing: 1800 kHz on V2 (stlink), 1000 kHz on V3. */
    public static final int V2_DEFAULT_KHZ = 1800, V3_DEFAULT_KHZ = 1000;

    /**
     * @param khz     the clock the probe will run
     * @param setting divisor (V2) or kHz (V3) to send
     * @param exact   false when it differs from the request
     */
    public record Choice(int khz, int setting, boolean exact) {
    }

    private SwdFrequency() {
    }

    /** Closest V2 divisor for {@code requestedKhz}. */
    public static Choice forV2(int requestedKhz) {
        return closest(requestedKhz, V2_TABLE.stream().map(Choice::khz).toList(), true);
    }

    /** Closest V2 JTAG divisor for {@code requestedKhz}. */
    public static Choice forV2Jtag(int requestedKhz) {
        Choice closest = closest(requestedKhz, V2_JTAG_TABLE.stream().map(Choice::khz).toList(), false);
        int setting = V2_JTAG_TABLE.stream().filter(c -> c.khz() == closest.khz()).findFirst().orElseThrow().setting();
        return new Choice(closest.khz(), setting, closest.exact());
    }

    /** Closest of the kHz values a V3 reported with GET_COM_FREQ. */
    public static Choice forV3(int requestedKhz, List<Integer> offeredKhz) {
        if (offeredKhz.isEmpty()) {
            throw new IllegalArgumentException("the probe reported no SWD frequencies");
        }
        return closest(requestedKhz, offeredKhz, false);
    }

    private static Choice closest(int requestedKhz, List<Integer> offered, boolean v2) {
        if (requestedKhz <= 0) {
            throw new IllegalArgumentException("SWD frequency must be positive, got " + requestedKhz + " kHz");
        }
        int best = -1;
        int slowest = Integer.MAX_VALUE;
        for (int khz : offered) {
            slowest = Math.min(slowest, khz);
            if (khz <= requestedKhz && khz > best) {
                best = khz;
            }
        }
        int chosen = best > 0 ? best : slowest;
        int setting = v2 ? V2_TABLE.stream().filter(c -> c.khz() == chosen).findFirst().orElseThrow().setting() : chosen;
        return new Choice(chosen, setting, chosen == requestedKhz);
    }
}
