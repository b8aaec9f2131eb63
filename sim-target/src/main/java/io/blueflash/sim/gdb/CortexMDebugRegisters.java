package io.blueflash.sim.gdb;

/** Cortex-M3 debug registers BMP's cortexm driver uses (facts §C.6). */
final class CortexMDebugRegisters {

    static final int CPUID = 0xE000_ED00;
    static final int AIRCR = 0xE000_ED0C;
    static final int DFSR = 0xE000_ED30;
    static final int DHCSR = 0xE000_EDF0;
    static final int DEMCR = 0xE000_EDFC;

    /** DHCSR write key in bits 31:16. */
    static final int DBGKEY = 0xA05F_0000;
    static final int C_DEBUGEN = 1;
    static final int C_HALT = 1 << 1;
    static final int C_STEP = 1 << 2;
    static final int C_MASKINTS = 1 << 3;
    static final int S_HALT = 1 << 17;
    static final int S_RESET_ST = 1 << 25;

    static final int VC_CORERESET = 1;
    static final int VC_HARDERR = 1 << 10;
    static final int TRCENA = 1 << 24;

    /** AIRCR.VECTKEY | SYSRESETREQ. */
    static final int AIRCR_SYSRESETREQ = 0x05FA_0004;

    /** DBGMCU_IDCODE (facts §A.4): DEV_ID in bits 11:0. */
    static final int DBGMCU_IDCODE = 0xE004_2000;
    /** F_SIZE: flash size in KB (facts §A.1). */
    static final int F_SIZE = 0x1FFF_F7E0;
    /** ROM table PIDR4 (JEP106 continuation, b3:0), PIDR1 (identity b3:0 in b7:4), PIDR2 (identity b6:4 in b2:0); ADIv5. */
    static final int ROM_PIDR4 = 0xE00F_FFD0;
    static final int ROM_PIDR1 = 0xE00F_FFE4;
    static final int ROM_PIDR2 = 0xE00F_FFE8;

    private CortexMDebugRegisters() {
    }
}
