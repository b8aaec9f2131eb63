package io.blueflash.sim.gdb;

import io.blueflash.sim.chip.FlashController;

/**
 * The flash controller's registers as the absolute addresses BMP's stm32f1 driver writes (facts
 * §B.1, §B.2), taken from the chip model's one definition ({@link FlashController}); the bits are
 * {@code FlashController}'s own.
 */
final class Fpec {

    static final int BASE = FlashController.BASE;
    static final int KEYR = BASE + FlashController.KEYR;
    static final int OPTKEYR = BASE + FlashController.OPTKEYR;
    static final int SR = BASE + FlashController.SR;
    static final int CR = BASE + FlashController.CR;
    static final int AR = BASE + FlashController.AR;
    static final int OBR = BASE + FlashController.OBR;

    /** Bank 2 of XL parts: its registers sit {@code BANK2_OFFSET} above bank 1's, its flash from 0x0808_0000. */
    static final int BANK2_BASE = 0x0808_0000;

    /** BMP's error check: PGERR | WRPRTERR (facts §F.3: "check SR & 0x14"). */
    static final int SR_ERRORS = FlashController.SR_PGERR | FlashController.SR_WRPRTERR;

    /** Option bytes (facts §A.3): RDP slot first. */
    static final int OPTION_BYTES = 0x1FFF_F800;
    /** RDP key with its complement as BMP writes it after an option erase (facts §B.6). */
    static final int RDP_UNPROTECTED = 0x5AA5;

    private Fpec() {
    }
}
