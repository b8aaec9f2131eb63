package io.blueflash.sim.chip.periph;

import io.blueflash.sim.debug.SwjConfig;

/**
 * Alternate-function I/O at 0x4001_0000 (RM0008 §9.4): EVCR, MAPR with the write-only SWJ_CFG
 * field (reads 0 here; RM0008 calls the value read undefined), EXTICR1–4 (which port feeds each
 * EXTI line) and MAPR2. The remaps are stored for firmware to read back; pins are not re-routed, except
 * the SWJ-DP's: {@link #swjConfig()} is what the chip's debug ports obey (RM0008 §9.3.5).
 */
public final class Afio extends WordRegisters {

    public static final int EVCR = 0x00, MAPR = 0x04, EXTICR1 = 0x08, MAPR2 = 0x1C;
    private static final int MAPR_READABLE = 0x001F_FFFF;
    private static final int SWJ_CFG_SHIFT = 24;

    private int evcr;
    private int mapr;
    private int swjCfg;
    private SwjConfig swjConfig;
    private final int[] exticr = new int[4];
    private int mapr2;

    public Afio() {
        super(true);
        reset();
    }

    /**
     * SWJ_CFG as last written: 000 full SWJ, 001 without NJTRST, 010 SW-DP only, 100 both off
     * (a debugger can then only connect under reset).
     */
    public int swjCfg() {
        return swjCfg;
    }

    /**
     * The SWJ pin assignment in force: the last SWJ_CFG written that selects one (the other values have
     * "no effect", RM0008 §9.3.5); {@link SwjConfig#FULL_SWJ} after a reset.
     */
    public SwjConfig swjConfig() {
        return swjConfig;
    }

    /** The port (0 = A … 6 = G) selected for EXTI line {@code line} 0..15. */
    public int extiPort(int line) {
        return exticr[line / 4] >>> (4 * (line % 4)) & 0xF;
    }

    @Override
    public void reset() {
        evcr = 0;
        mapr = 0;
        swjCfg = 0;
        swjConfig = SwjConfig.FULL_SWJ;
        java.util.Arrays.fill(exticr, 0);
        mapr2 = 0;
    }

    @Override
    protected int readRegister(int offset) {
        return switch (offset) {
            case EVCR -> evcr;
            case MAPR -> mapr;
            case 0x08, 0x0C, 0x10, 0x14 -> exticr[(offset - EXTICR1) / 4];
            case MAPR2 -> mapr2;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int offset, int value) {
        switch (offset) {
            case EVCR -> evcr = value & 0xFF;
            case MAPR -> {
                mapr = value & MAPR_READABLE;
                swjCfg = value >>> SWJ_CFG_SHIFT & 7;
                swjConfig = SwjConfig.ofSwjCfg(swjCfg).orElse(swjConfig);
            }
            case 0x08, 0x0C, 0x10, 0x14 -> exticr[(offset - EXTICR1) / 4] = value & 0xFFFF;
            case MAPR2 -> mapr2 = value & 0x7E0;
            default -> { }
        }
    }
}
