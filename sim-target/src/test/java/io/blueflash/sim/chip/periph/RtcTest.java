package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RTC (RM0008 §18) on the LSE, set up as start-up code does, through the CPU bus. */
class RtcTest {

    private static final int RTC = 0x4000_2800, CRH = 0x00, CRL = 0x04, PRLL = 0x0C, DIVL = 0x14, CNTH = 0x18,
            CNTL = 0x1C, ALRH = 0x20, ALRL = 0x24;
    private static final int SECF = 1, ALRF = 2, RSF = 8, CNF = 16;
    private static final int RCC_APB1ENR = 0x4002_101C, RCC_BDCR = 0x4002_1020, PWR_CR = 0x4000_7000;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();
    private final List<String> irqs = new ArrayList<>();

    RtcTest() {
        chip.connectInterrupts((irq, high) -> irqs.add(irq + (high ? "+" : "-")));
    }

    /** PWREN+BKPEN, DBP, LSEON, wait LSERDY, RTCSEL = LSE, RTCEN; prescaler 32767 (1 Hz). */
    private void rtcOnLseAt1Hz() {
        bus.write(RCC_APB1ENR, 4, 1 << 28 | 1 << 27);
        bus.write(PWR_CR, 4, 1 << 8);
        bus.write(RCC_BDCR, 4, 1);
        chip.clock().advance(3_000_000_000L);
        assertThat(bus.read(RCC_BDCR, 4) & 2).isEqualTo(2);
        bus.write(RCC_BDCR, 4, 1 | 1 << 8 | 1 << 15);
        assertThat(chip.rcc().rtcClockHz()).isEqualTo(32_768L);
        bus.write(RTC + CRL, 4, CNF);
        bus.write(RTC + PRLL, 4, 32_767);
        bus.write(RTC + CNTH, 4, 0);
        bus.write(RTC + CNTL, 4, 0);
        bus.write(RTC + CRL, 4, 0);
    }

    @Test
    void givenRtcOnLse_whenSecondsPass_thenCntCountsAndSecfSet() {
        rtcOnLseAt1Hz();
        chip.clock().advance(2_500_000_000L);
        assertThat(bus.read(RTC + CNTL, 4)).isEqualTo(2);
        assertThat(bus.read(RTC + CRL, 4) & SECF).isEqualTo(SECF);
        assertThat(bus.read(RTC + DIVL, 4)).isEqualTo(32_767 - 16_384);
    }

    @Test
    void givenRsfCleared_whenTwoRtcClockCyclesPass_thenRsfSetAgain() {
        rtcOnLseAt1Hz();
        bus.write(RTC + CRL, 4, ~RSF & 0xFFFF);
        assertThat(bus.read(RTC + CRL, 4) & RSF).isZero();
        chip.clock().advance(62_000L);
        assertThat(bus.read(RTC + CRL, 4) & RSF).isEqualTo(RSF);
    }

    @Test
    void givenAlarmAt5sWithAlrie_whenCntReachesIt_thenAlrfAndIrq3And41() {
        rtcOnLseAt1Hz();
        bus.write(RTC + CRL, 4, CNF);
        bus.write(RTC + ALRH, 4, 0);
        bus.write(RTC + ALRL, 4, 5);
        bus.write(RTC + CRL, 4, 0);
        bus.write(RTC + CRH, 4, ALRF);
        chip.clock().advance(4_999_000_000L);
        assertThat(irqs).isEmpty();
        chip.clock().advance(1_000_000L);
        assertThat(irqs).containsExactlyInAnyOrder("3+", "41+");
        assertThat(bus.read(RTC + CRL, 4) & ALRF).isEqualTo(ALRF);
        assertThat(bus.read(RTC + ALRL, 4)).isZero(); // write-only
    }

    @Test
    void givenCounterOutsideConfigurationMode_whenWritten_thenIgnored() {
        rtcOnLseAt1Hz();
        bus.write(RTC + CNTL, 4, 1234);
        assertThat(bus.read(RTC + CNTL, 4)).isZero();
    }

    @Test
    void givenCountingRtc_whenSystemReset_thenCounterKeepsCountingAndFlagsCleared() {
        rtcOnLseAt1Hz();
        chip.clock().advance(3_000_000_000L);
        chip.systemReset();
        assertThat(bus.read(RTC + CRL, 4) & (SECF | RSF)).isZero();
        chip.clock().advance(1_000_000_000L);
        assertThat(chip.peripherals().rtc().counter()).isEqualTo(4);
        chip.powerCycle();
        assertThat(chip.peripherals().rtc().counter()).isZero();
    }
}
