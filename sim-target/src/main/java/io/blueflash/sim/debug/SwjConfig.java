package io.blueflash.sim.debug;

/**
 * Which of the SWJ-DP's two ports still has its pins, as AFIO_MAPR.SWJ_CFG[2:0] assigns them (RM0008 §9.3.5,
 * and §31.4 for the SWJ-DP's pins: JTMS/SWDIO PA13, JTCK/SWCLK PA14, JTDI PA15, JTDO PB3, NJTRST PB4).
 * A port whose pins went to GPIO hears nothing and drives nothing: SWD gets no ACK (the undriven line
 * reads 0b111), and a JTAG scan reads TDO undriven, all ones, which is no device (IEEE 1149.1 reserves the
 * all-ones manufacturer identity 0x7F, so an IDCODE of all ones names none) and no ACK of the JTAG-DP (ADIv5
 * §3.3: OK/FAULT 0b010, WAIT 0b001).
 */
public enum SwjConfig {
    /** 000, the reset value: JTAG-DP and SW-DP. */
    FULL_SWJ(true, true),
    /** 001: both ports, NJTRST (PB4) released; the simulated chain has no TRST pin to lose. */
    FULL_SWJ_WITHOUT_NJTRST(true, true),
    /** 010: JTAG-DP disabled (PA15, PB3, PB4 to GPIO), SW-DP enabled on PA13/PA14. */
    SW_DP_ONLY(false, true),
    /** 100: JTAG-DP and SW-DP disabled, every SWJ pin to GPIO; a reset (NRST) brings them back. */
    DISABLED(false, false);

    private final boolean jtagDp;
    private final boolean swDp;

    SwjConfig(boolean jtagDp, boolean swDp) {
        this.jtagDp = jtagDp;
        this.swDp = swDp;
    }

    /**
     * The configuration a SWJ_CFG value selects; empty for the combinations RM0008 §9.3.5 lists as
     * "no effect" (011, 101, 110, 111), which leave the previous one in force.
     */
    public static java.util.Optional<SwjConfig> ofSwjCfg(int swjCfg) {
        return java.util.Optional.ofNullable(switch (swjCfg & 7) {
            case 0 -> FULL_SWJ;
            case 1 -> FULL_SWJ_WITHOUT_NJTRST;
            case 2 -> SW_DP_ONLY;
            case 4 -> DISABLED;
            default -> null;
        });
    }

    /** True when the JTAG-DP (and the boundary-scan TAP beside it on TDI/TDO) has its pins. */
    public boolean jtagDpEnabled() {
        return jtagDp;
    }

    /** True when the SW-DP has SWDIO and SWCLK. */
    public boolean swDpEnabled() {
        return swDp;
    }
}
