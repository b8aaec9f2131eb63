package io.blueflash.sim.gdb;

/** STM32F1 flash controller registers and bits as BMP's stm32f1 driver uses them (facts §B.1, §B.2). */
final class Fpec {

    static final int BASE = 0x4002_2000;
    static final int KEYR = BASE + 0x04;
    static final int OPTKEYR = BASE + 0x08;
    static final int SR = BASE + 0x0C;
    static final int CR = BASE + 0x10;
    static final int AR = BASE + 0x14;
    static final int OBR = BASE + 0x1C;

    /** Bank 2 of XL parts: its registers sit 0x40 above bank 1's, its flash from 0x0808_0000. */
    static final int BANK2_OFFSET = 0x40;
    static final int BANK2_BASE = 0x0808_0000;

    static final int KEY1 = 0x4567_0123;
    static final int KEY2 = 0xCDEF_89AB;

    static final int SR_BSY = 1;
    static final int SR_PGERR = 1 << 2;
    static final int SR_WRPRTERR = 1 << 4;
    static final int SR_EOP = 1 << 5;
    /** BMP's error check: PGERR | WRPRTERR (facts §F.3: "check SR & 0x14"). */
    static final int SR_ERRORS = SR_PGERR | SR_WRPRTERR;

    static final int CR_PG = 1;
    static final int CR_PER = 1 << 1;
    static final int CR_MER = 1 << 2;
    static final int CR_OPTPG = 1 << 4;
    static final int CR_OPTER = 1 << 5;
    static final int CR_STRT = 1 << 6;
    static final int CR_LOCK = 1 << 7;
    static final int CR_OPTWRE = 1 << 9;

    /** Option bytes (facts §A.3): RDP slot first. */
    static final int OPTION_BYTES = 0x1FFF_F800;
    /** RDP key with its complement as BMP writes it after an option erase (facts §B.6). */
    static final int RDP_UNPROTECTED = 0x5AA5;

    private Fpec() {
    }
}
