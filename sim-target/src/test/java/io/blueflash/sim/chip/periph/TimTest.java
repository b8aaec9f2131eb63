package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time base of TIM1–TIM8 (RM0008 §15.3) through the CPU bus, timed by the clock tree. */
class TimTest {

    private static final int TIM2 = 0x4000_0000, TIM1 = 0x4001_2C00;
    private static final int CR1 = 0x00, DIER = 0x0C, SR = 0x10, EGR = 0x14, CNT = 0x24, PSC = 0x28, ARR = 0x2C,
            RCR = 0x30;
    private static final int RCC = 0x4002_1000;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();
    private final List<String> irqs = new ArrayList<>();

    TimTest() {
        chip.connectInterrupts((irq, high) -> irqs.add(irq + (high ? "+" : "-") + "@" + chip.clock().nanos()));
        bus.write(RCC + 0x1C, 4, 1); // TIM2EN
        bus.write(RCC + 0x18, 4, 1 << 11); // TIM1EN
    }

    /** 8 MHz / 8000 = 1 kHz counter clock, 10 counts per update: 100 Hz. */
    private void tim2At100Hz(int cr1) {
        bus.write(TIM2 + PSC, 4, 7999);
        bus.write(TIM2 + ARR, 4, 9);
        bus.write(TIM2 + EGR, 4, 1);
        bus.write(TIM2 + SR, 4, 0);
        bus.write(TIM2 + CR1, 4, cr1);
    }

    @Test
    void givenTim2At1kHzCounterClock_whenTimePasses_thenCntCountsAndWrapsWithUif() {
        tim2At100Hz(1);
        chip.clock().advance(3_500_000L);
        assertThat(bus.read(TIM2 + CNT, 4)).isEqualTo(3);
        assertThat(bus.read(TIM2 + SR, 4) & 1).isZero();
        chip.clock().advance(7_000_000L);
        assertThat(bus.read(TIM2 + CNT, 4)).isZero();
        assertThat(bus.read(TIM2 + SR, 4) & 1).isEqualTo(1);
    }

    @Test
    void givenEgrUg_whenWritten_thenPrescalerLoadedAndUifSetUnlessUrs() {
        bus.write(TIM2 + PSC, 4, 7999);
        bus.write(TIM2 + EGR, 4, 1);
        assertThat(bus.read(TIM2 + SR, 4) & 1).isEqualTo(1);
        bus.write(TIM2 + SR, 4, 0);
        bus.write(TIM2 + CR1, 4, 1 << 2); // URS
        bus.write(TIM2 + EGR, 4, 1);
        assertThat(bus.read(TIM2 + SR, 4) & 1).isZero();
    }

    @Test
    void givenUpdateInterruptEnabled_whenRunning_thenIrq28RaisedEvery10msUntilUifCleared() {
        tim2At100Hz(0);
        bus.write(TIM2 + DIER, 4, 1);
        bus.write(TIM2 + CR1, 4, 1);
        chip.clock().advance(10_000_000L);
        assertThat(irqs).containsExactly("28+@10000000");
        bus.write(TIM2 + SR, 4, 0);
        chip.clock().advance(10_000_000L);
        assertThat(irqs).containsExactly("28+@10000000", "28-@10000000", "28+@20000000");
    }

    @Test
    void givenDownCounting_whenTimePasses_thenCntCountsDownFromArr() {
        tim2At100Hz(1 | 1 << 4);
        chip.clock().advance(2_500_000L);
        assertThat(bus.read(TIM2 + CNT, 4)).isEqualTo(7);
        assertThat(bus.read(TIM2 + CR1, 4) & 1 << 4).isNotZero();
    }

    @Test
    void givenOnePulseMode_whenUpdateEventComes_thenCounterStops() {
        tim2At100Hz(1 | 1 << 3);
        chip.clock().advance(25_000_000L);
        assertThat(bus.read(TIM2 + CR1, 4) & 1).isZero();
        assertThat(bus.read(TIM2 + CNT, 4)).isZero();
        assertThat(bus.read(TIM2 + SR, 4) & 1).isEqualTo(1);
    }

    @Test
    void givenArrPreload_whenArrChangedWhileCounting_thenNewPeriodFromTheNextUpdate() {
        tim2At100Hz(1 | 1 << 7);
        chip.clock().advance(5_000_000L);
        bus.write(TIM2 + ARR, 4, 19);
        chip.clock().advance(5_000_000L); // update at 10 ms loads ARR = 19
        bus.write(TIM2 + SR, 4, 0);
        chip.clock().advance(15_000_000L);
        assertThat(bus.read(TIM2 + CNT, 4)).isEqualTo(15);
        assertThat(bus.read(TIM2 + SR, 4) & 1).isZero();
    }

    @Test
    void givenApb1Divided_whenTimerClockAsked_thenTwicePclk1() {
        bus.write(RCC + 0x04, 4, 4 << 8); // PPRE1 /2: PCLK1 4 MHz, TIM2 clock 8 MHz
        assertThat(chip.rcc().pclk1Hz()).isEqualTo(4_000_000L);
        assertThat(chip.rcc().timerClock1Hz()).isEqualTo(8_000_000L);
        tim2At100Hz(1);
        chip.clock().advance(3_500_000L);
        assertThat(bus.read(TIM2 + CNT, 4)).isEqualTo(3);
    }

    @Test
    void givenTim1WithRepetitionCounter_whenRunning_thenUpdateEveryRcrPlus1Overflows() {
        bus.write(TIM1 + PSC, 4, 7999);
        bus.write(TIM1 + ARR, 4, 9);
        bus.write(TIM1 + RCR, 4, 2);
        bus.write(TIM1 + EGR, 4, 1);
        bus.write(TIM1 + SR, 4, 0);
        bus.write(TIM1 + DIER, 4, 1);
        bus.write(TIM1 + CR1, 4, 1);
        chip.clock().advance(29_000_000L);
        assertThat(irqs).isEmpty();
        chip.clock().advance(1_000_000L);
        assertThat(irqs).containsExactly("25+@30000000");
    }

    @Test
    void givenLongFreeRun_whenPolledOften_thenNoDrift() {
        tim2At100Hz(1);
        for (int i = 0; i < 100_000; i++) {
            chip.clock().advance(1_237L);
            bus.read(TIM2 + CNT, 4);
        }
        // 123.7 ms at 1 kHz: 123 ticks, 12 wraps, CNT 3
        assertThat(bus.read(TIM2 + CNT, 4)).isEqualTo(3);
    }
}
