package io.blueflash.flash.stm32f1;

/**
 * FPEC registers, keys and bits (facts §B.1, §B.2). Bank 2 of XL-density parts has its own
 * KEYR/SR/CR/AR at +0x40 and serves addresses from {@link #BANK2_START}.
 */
public final class FpecRegisters {

    private FpecRegisters() {
    }

    public static final int FPEC_BASE = 0x4002_2000;
    public static final int KEYR = 0x04;
    public static final int OPTKEYR = 0x08;
    public static final int SR = 0x0C;
    public static final int CR = 0x10;
    public static final int AR = 0x14;
    public static final int OBR = 0x1C;
    public static final int WRPR = 0x20;
    /** Offset of bank 2's KEYR2/SR2/CR2/AR2 on XL-density parts. */
    public static final int BANK2_OFFSET = 0x40;
    /** First address served by bank 2 on XL-density parts (facts §A.1). */
    public static final long BANK2_START = 0x0808_0000L;

    public static final int KEY1 = 0x4567_0123;
    public static final int KEY2 = 0xCDEF_89AB;

    public static final int SR_BSY = 1;
    public static final int SR_PGERR = 1 << 2;
    public static final int SR_WRPRTERR = 1 << 4;
    public static final int SR_EOP = 1 << 5;
    /** Write-1-to-clear of the stale result flags before an operation. */
    public static final int SR_CLEAR_ALL = SR_PGERR | SR_WRPRTERR | SR_EOP;

    public static final int CR_PG = 1;
    public static final int CR_PER = 1 << 1;
    public static final int CR_MER = 1 << 2;
    public static final int CR_OPTPG = 1 << 4;
    public static final int CR_OPTER = 1 << 5;
    public static final int CR_STRT = 1 << 6;
    public static final int CR_LOCK = 1 << 7;
    public static final int CR_OPTWRE = 1 << 9;

    /** FLASH_OBR.RDPRT: read-out protection is active (facts §B.6). */
    public static final int OBR_RDPRT = 1 << 1;

    /** Absolute address of register {@code offset} of the bank serving {@code flashAddress}. */
    public static int register(long flashAddress, int offset) {
        return FPEC_BASE + (flashAddress >= BANK2_START ? BANK2_OFFSET : 0) + offset;
    }
}
