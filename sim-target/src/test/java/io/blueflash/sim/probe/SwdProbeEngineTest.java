package io.blueflash.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;

class SwdProbeEngineTest {

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdProbeEngine engine = new SwdProbeEngine(chip.swd());

    @Test
    void givenChip_whenConnect_thenDpidrAndPoweredUp() {
        assertThat(engine.connect()).isEqualTo(0x1BA0_1477);
        assertThat(engine.readDp(SwdProbeEngine.DP_CTRL_STAT) & 0xF000_0000).isEqualTo(0xF000_0000);
        assertThat(engine.readAp(0, 0xFC)).isEqualTo(0x1477_0011);
    }

    @Test
    void givenClone_whenConnect_thenR2Identifiers() {
        SwdProbeEngine clone = new SwdProbeEngine(Stm32F103.create("cks32f103c8").swd());
        assertThat(clone.connect()).isEqualTo(0x2BA0_1477);
        assertThat(clone.readAp(0, 0xFC)).isEqualTo(0x2477_0011);
        assertThat(clone.read32(0xE000_ED00)).isEqualTo(0x412F_C231);
    }

    @Test
    void givenConnected_whenReadingIds_thenProfileValues() {
        engine.connect();
        assertThat(engine.read32(0xE004_2000)).isEqualTo(0x2003_6410);
        assertThat(engine.read16(0x1FFF_F7E0)).isEqualTo(64);
        assertThat(engine.read32(0xE000_ED00)).isEqualTo(0x411F_C231);
    }

    @Test
    void givenBlockCrossingTarWrap_whenWrittenAndReadBack_thenEveryWidthRoundTrips() {
        engine.connect();
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        for (int width : new int[] {1, 2, 4}) {
            engine.writeBlock(0x2000_0100, data, width);
            assertThat(engine.readBlock(0x2000_0100, data.length, width)).isEqualTo(data);
        }
        assertThat(engine.read8(0x2000_0101)).isEqualTo(data[1] & 0xFF);
        assertThat(engine.read16(0x2000_0102)).isEqualTo((data[2] & 0xFF) | (data[3] & 0xFF) << 8);
    }

    @Test
    void givenUnmappedAddress_whenRead_thenApFaultWithAddressAndStickyCleared() {
        engine.connect();
        assertThatThrownBy(() -> engine.read32(0x6000_0000)).isInstanceOf(ApFaultException.class)
                .satisfies(e -> assertThat(((ApFaultException) e).address()).isEqualTo(0x6000_0000));
        assertThat(engine.read32(0x2000_0000)).isZero();
    }

    @Test
    void givenWaitStorm_whenReading_thenRetriedTransparently() {
        engine.connect();
        chip.faults().waitStorm(5);
        assertThat(engine.read32(0xE000_ED00)).isEqualTo(0x411F_C231);
    }

    @Test
    void givenEndlessWait_whenReading_thenBoundedAndReported() {
        engine.connect();
        engine.setWaitRetryLimit(10);
        chip.faults().waitStorm(1000);
        assertThatThrownBy(() -> engine.read32(0xE000_ED00)).isInstanceOf(SwdWaitTimeoutException.class)
                .hasMessageContaining("WAIT")
                .satisfies(e -> assertThat(((SwdWaitTimeoutException) e).waits()).isEqualTo(11));
    }

    @Test
    void givenEndlessWait_whenRetriesExhausted_thenLineStillAnswersAfterTheStorm() {
        engine.connect();
        engine.setWaitRetryLimit(3);
        chip.faults().waitStorm(4);
        assertThatThrownBy(() -> engine.read32(0xE000_ED00)).isInstanceOf(SwdWaitTimeoutException.class);
        assertThat(engine.read32(0xE000_ED00)).isEqualTo(0x411F_C231);
    }

    @Test
    void givenNoLineResetYet_whenReading_thenNoResponseNotWait() {
        assertThatThrownBy(() -> engine.read32(0xE000_ED00)).isInstanceOf(SwdNoResponseException.class)
                .isNotInstanceOf(SwdWaitTimeoutException.class)
                .hasMessageContaining("no response");
    }

    @Test
    void givenHaltedCore_whenCoreRegistersAccessed_thenRoundTrip() {
        engine.connect();
        engine.write32(0xE000_EDF0, 0xA05F_0003);
        engine.writeCoreRegister(0, 0xCAFE_F00D);
        assertThat(engine.readCoreRegister(0)).isEqualTo(0xCAFE_F00D);
    }

    @Test
    void givenRunningCore_whenCoreRegisterRead_thenFailsAsOnSilicon() {
        engine.connect();
        assertThatThrownBy(() -> engine.readCoreRegister(15)).isInstanceOf(SwdProbeException.class)
                .hasMessageContaining("S_REGRDY");
    }
}
