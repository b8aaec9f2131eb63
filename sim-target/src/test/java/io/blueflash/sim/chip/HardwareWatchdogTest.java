package io.blueflash.sim.chip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Option byte USER bit 0 WDG_SW = 0 (facts §A.3): the IWDG starts by itself at every reset (RM0008 §19.3.2). */
class HardwareWatchdogTest {

    private static final int RCC_CSR = 0x4002_1024;

    @Test
    void givenWdgSwCleared_whenChipResets_thenWatchdogRunsWithoutAnyKeyAndResetsAfter409_6ms() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        Fpec fpec = new Fpec(chip.cpuBus());
        fpec.unlock();
        fpec.unlockOptions();
        fpec.eraseOptionBytes(chip.clock());
        fpec.programOption(OptionBytes.BASE, 0xA5, chip.clock());
        fpec.programOption(OptionBytes.BASE + 2, 0xFE, chip.clock());
        assertThat(chip.iwdg().isRunning()).isFalse();

        chip.systemReset();
        chip.cpuBus().write(RCC_CSR, 4, 1 << 24);

        assertThat(chip.iwdg().isRunning()).isTrue();
        chip.clock().advance(409_599_000L);
        assertThat(chip.cpuBus().read(RCC_CSR, 4) & 1 << 29).isZero();
        chip.clock().advance(1_000L);
        assertThat(chip.cpuBus().read(RCC_CSR, 4) & 1 << 29).isEqualTo(1 << 29);
        assertThat(chip.iwdg().isRunning()).isTrue();
    }
}
