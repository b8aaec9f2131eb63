package io.blueflash.sim.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.sim.debug.JtagScanPricedPort;
import io.blueflash.sim.debug.SwjConfig;
import io.blueflash.sim.probe.SwdNoResponseException;
import io.blueflash.sim.probe.SwdProbeEngine;
import io.blueflash.sim.trace.SwdAck;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AFIO_MAPR.SWJ_CFG (RM0008 §9.3.5) takes effect on the simulated SWJ-DP: 010 leaves the SW-DP only, 100
 * neither port, and a reset (NRST, SYSRESETREQ) brings back the reset value 000; NRST held low is the way
 * back in (connect under reset).
 */
class SwjPinAssignmentTest {

    private static final int DPIDR = 0x1BA0_1477;
    private static final int RCC_APB2ENR = 0x4002_1018, AFIO_MAPR = 0x4001_0004;
    private static final int SW_DP_ONLY = 0b010 << 24, BOTH_DISABLED = 0b100 << 24;
    private static final int DHCSR = 0xE000_EDF0, DEMCR = 0xE000_EDFC;

    /**
     * Firmware that enables the AFIO clock and writes {@code mapr} to AFIO_MAPR, then spins (hand-assembled
     * Thumb: ldr r0,=RCC_APB2ENR; ldr r1,[r0]; movs r2,#1; orrs r1,r2; str r1,[r0]; ldr r0,=AFIO_MAPR;
     * ldr r1,=mapr; str r1,[r0]; b .).
     */
    static byte[] firmwareWritingMapr(int mapr) {
        ByteBuffer image = ByteBuffer.allocate(0x28).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0x2000_5000).putInt(0x0800_0009);
        for (int halfWord : new int[] {0x4804, 0x6801, 0x2201, 0x4311, 0x6001, 0x4803, 0x4903, 0x6001, 0xE7FE, 0xBF00}) {
            image.putShort((short) halfWord);
        }
        image.putInt(RCC_APB2ENR).putInt(AFIO_MAPR).putInt(mapr);
        return image.array();
    }

    /** A C8 with {@code image} in flash, power-cycled, its firmware run for 50 µs. */
    private static Stm32F103 running(byte[] image) {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimState blank = chip.saveState();
        byte[] flash = blank.flash();
        System.arraycopy(image, 0, flash, 0, image.length);
        chip.restoreState(new SimState(blank.profileName(), flash, blank.optionBytes()));
        chip.runFor(50_000);
        return chip;
    }

    private static SwdProbeEngine swd(Stm32F103 chip) {
        return new SwdProbeEngine(chip.swd());
    }

    private static SwdProbeEngine jtag(Stm32F103 chip) {
        return new SwdProbeEngine(new JtagScanPricedPort(chip.debugPort().withoutWireCost(), chip.clock(), () -> 1_000_000L));
    }

    @Test
    void givenFirmwareThatLeavesTheSwDpOnly_whenDebuggersConnect_thenJtagGetsNoAnswerAndSwdWorks() {
        Stm32F103 chip = running(firmwareWritingMapr(SW_DP_ONLY));

        assertThat(chip.peripherals().afio().swjCfg()).as("the firmware ran").isEqualTo(0b010);
        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.SW_DP_ONLY);
        assertThatThrownBy(() -> jtag(chip).connect()).isInstanceOf(SwdNoResponseException.class);
        SwdProbeEngine swd = swd(chip);
        assertThat(swd.connect()).isEqualTo(DPIDR);
        assertThat(swd.read32(0xE004_2000)).isEqualTo(0x2003_6410);
    }

    @Test
    void givenFirmwareThatDisablesBothPorts_whenDebuggersConnect_thenNeitherGetsAnAck() {
        Stm32F103 chip = running(firmwareWritingMapr(BOTH_DISABLED));

        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.DISABLED);
        assertThatThrownBy(() -> swd(chip).connect()).isInstanceOf(SwdNoResponseException.class);
        assertThatThrownBy(() -> jtag(chip).connect()).isInstanceOf(SwdNoResponseException.class);
        assertThat(chip.swd().read(false, 0x0).ack()).as("not even DPIDR").isEqualTo(SwdAck.NO_RESPONSE);
    }

    @Test
    void givenADebuggerOnSwd_whenItWritesSwjCfg100ThroughTheBus_thenTheWriteLandsAndItsNextTransactionGetsNoAck() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SwdProbeEngine swd = swd(chip);
        swd.connect();
        swd.write32(RCC_APB2ENR, swd.read32(RCC_APB2ENR) | 1);

        // the write is posted and lands; the RDBUFF read that checks it already finds SWDIO/SWCLK gone
        assertThatThrownBy(() -> swd.write32(AFIO_MAPR, BOTH_DISABLED)).isInstanceOf(SwdNoResponseException.class);

        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.DISABLED);
        assertThatThrownBy(swd::connect).isInstanceOf(SwdNoResponseException.class);
    }

    @Test
    void givenSwjCfg010_whenAReservedValueIsWritten_thenItHasNoEffect() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.cpuBus().write(RCC_APB2ENR, 4, 1);
        chip.cpuBus().write(AFIO_MAPR, 4, SW_DP_ONLY);

        chip.cpuBus().write(AFIO_MAPR, 4, 0b011 << 24);

        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.SW_DP_ONLY);
        chip.cpuBus().write(AFIO_MAPR, 4, 0b001 << 24);
        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.FULL_SWJ_WITHOUT_NJTRST);
        assertThat(jtag(chip).connect()).isEqualTo(DPIDR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nrst", "sysresetreq"})
    void givenBothPortsDisabled_whenTheChipIsReset_thenBothAnswerAgainUntilTheFirmwareRunsAgain(String reset) {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.cpuBus().write(RCC_APB2ENR, 4, 1);
        chip.cpuBus().write(AFIO_MAPR, 4, BOTH_DISABLED);
        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.DISABLED);

        if (reset.equals("nrst")) {
            chip.setNrst(true);
            chip.setNrst(false);
        } else {
            chip.systemReset();
        }

        assertThat(chip.swjConfig()).isEqualTo(SwjConfig.FULL_SWJ);
        assertThat(swd(chip).connect()).isEqualTo(DPIDR);
        assertThat(jtag(chip).connect()).isEqualTo(DPIDR);
    }

    @Test
    void givenFirmwareThatDisablesBothPorts_whenConnectedUnderReset_thenTheCoreHaltsAtItsResetVectorAndStaysReachable() {
        Stm32F103 chip = running(firmwareWritingMapr(BOTH_DISABLED));
        SwdProbeEngine swd = swd(chip);

        chip.setNrst(true);
        swd.connect();
        swd.write32(DEMCR, 1); // VC_CORERESET
        swd.write32(DHCSR, 0xA05F_0003); // C_HALT | C_DEBUGEN
        chip.setNrst(false);
        chip.runFor(50_000);

        assertThat(chip.isCoreHalted()).isTrue();
        assertThat(chip.swjConfig()).as("the firmware never ran: SWJ_CFG kept its reset value").isEqualTo(SwjConfig.FULL_SWJ);
        assertThat(swd.readCoreRegister(15)).isEqualTo(0x0800_0008);
    }
}
