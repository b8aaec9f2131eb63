package io.blueflash.sim.cpu;

import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.Stm32F103;

/** A fresh STM32F103C8 whose main flash holds a test image from 0x0800_0000, the rest erased. */
final class FlashFirmware {

    private FlashFirmware() {
    }

    /** The image goes in as a restored state: no FPEC time, and the core's decode cache starts empty. */
    static Stm32F103 chipWithFlash(byte[] image) {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimState blank = chip.saveState();
        byte[] flash = blank.flash();
        System.arraycopy(image, 0, flash, 0, image.length);
        chip.restoreState(new SimState(blank.profileName(), flash, blank.optionBytes()));
        return chip;
    }
}
