package io.blueflash.debug.cortexm;

/** Cortex-M3 debug and system-control registers and bits (facts §C.6). */
public final class CortexMRegisters {

    private CortexMRegisters() {
    }

    public static final int CPUID = 0xE000_ED00;
    public static final int AIRCR = 0xE000_ED0C;
    public static final int DFSR = 0xE000_ED30;
    public static final int DHCSR = 0xE000_EDF0;
    public static final int DCRSR = 0xE000_EDF4;
    public static final int DCRDR = 0xE000_EDF8;
    public static final int DEMCR = 0xE000_EDFC;

    /** DHCSR writes are ignored unless bits 31:16 hold DBGKEY. */
    public static final int DHCSR_DBGKEY = 0xA05F_0000;
    public static final int DHCSR_C_DEBUGEN = 1;
    public static final int DHCSR_C_HALT = 1 << 1;
    public static final int DHCSR_C_STEP = 1 << 2;
    public static final int DHCSR_C_MASKINTS = 1 << 3;
    public static final int DHCSR_S_REGRDY = 1 << 16;
    public static final int DHCSR_S_HALT = 1 << 17;
    public static final int DHCSR_S_SLEEP = 1 << 18;
    public static final int DHCSR_S_LOCKUP = 1 << 19;
    /** Sticky: a reset happened since the last DHCSR read (reading clears it). */
    public static final int DHCSR_S_RESET_ST = 1 << 25;

    public static final int DCRSR_REGWNR = 1 << 16;

    public static final int DEMCR_VC_CORERESET = 1;
    public static final int DEMCR_VC_BUSERR = 1 << 8;
    public static final int DEMCR_VC_HARDERR = 1 << 10;
    /** VC_MMERR, VC_NOCPERR, VC_CHKERR, VC_STATERR, VC_BUSERR, VC_INTERR, VC_HARDERR (DDI0403E C1.6.5). */
    public static final int DEMCR_VECTOR_CATCH_FAULTS = 0x7F0;
    public static final int DEMCR_TRCENA = 1 << 24;

    /** AIRCR writes need VECTKEY 0x05FA in bits 31:16. */
    public static final int AIRCR_VECTKEY = 0x05FA_0000;
    public static final int AIRCR_SYSRESETREQ = 1 << 2;

    public static final int DFSR_HALTED = 1;
    public static final int DFSR_BKPT = 1 << 1;
    public static final int DFSR_DWTTRAP = 1 << 2;
    public static final int DFSR_VCATCH = 1 << 3;
    public static final int DFSR_EXTERNAL = 1 << 4;
    /** Write-1-to-clear of every DFSR reason (stlink writes 0x1F). */
    public static final int DFSR_CLEAR_ALL = 0x1F;
}
