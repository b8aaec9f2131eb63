package io.blueflash.sim.jtag;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.StreamService;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code sim serve --jtag-bitbang}'s chain obeys AFIO_MAPR.SWJ_CFG (RM0008 §9.3.5): once firmware gives
 * JTDI/JTDO to GPIO (010, or 100), an IDCODE scan reads TDO undriven, all ones: no device on the chain
 * (IEEE 1149.1 reserves the all-ones IDCODE). After a reset the chain answers again.
 */
class SwjPinsOnTheJtagChainTest {

    private static final int RCC_APB2ENR = 0x4002_1018, AFIO_MAPR = 0x4001_0004;
    private static final long BOTH_IDCODES = 0x3BA00477L | 0x06410041L << 32;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final StreamService bitbang = SimEmulators.jtagBitbang(chip);

    /** The two IDCODEs a TAP reset leaves in the chain's data registers (JTAG-DP nearest TDO first). */
    private long idcodes() throws IOException {
        List<Long> captured = new BitbangScript().resetToIdle().dr(0, 64).runOn(bitbang);
        return captured.get(0);
    }

    private void firmwareWritesSwjCfg(int swjCfg) {
        chip.cpuBus().write(RCC_APB2ENR, 4, 1);
        chip.cpuBus().write(AFIO_MAPR, 4, swjCfg << 24);
    }

    @Test
    void givenFullSwj_whenIdcodesScanned_thenBothTaps() throws IOException {
        firmwareWritesSwjCfg(0b001);

        assertThat(idcodes()).isEqualTo(BOTH_IDCODES);
    }

    @Test
    void givenSwDpOnly_whenIdcodesScanned_thenTdoUndrivenReadsAllOnes() throws IOException {
        firmwareWritesSwjCfg(0b010);

        assertThat(idcodes()).isEqualTo(-1L);
    }

    @Test
    void givenBothPortsDisabled_whenNrstPulsed_thenTheChainAnswersAgain() throws IOException {
        firmwareWritesSwjCfg(0b100);
        assertThat(idcodes()).isEqualTo(-1L);

        chip.setNrst(true);
        chip.setNrst(false);

        assertThat(idcodes()).isEqualTo(BOTH_IDCODES);
    }
}
