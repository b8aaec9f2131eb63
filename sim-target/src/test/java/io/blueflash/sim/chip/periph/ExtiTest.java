package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXTI (RM0008 §10.2): a host-driven pin edge becomes a pending line and an NVIC interrupt. */
class ExtiTest {

    private static final int EXTI = 0x4001_0400, IMR = 0x00, RTSR = 0x08, FTSR = 0x0C, SWIER = 0x10, PR = 0x14;
    private static final int AFIO_EXTICR4 = 0x4001_0014, RCC_APB2ENR = 0x4002_1018, GPIOB_CRH = 0x4001_0C04;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();
    private final List<String> irqs = new ArrayList<>();

    ExtiTest() {
        chip.connectInterrupts((irq, high) -> irqs.add(irq + (high ? "+" : "-")));
        bus.write(RCC_APB2ENR, 4, 1 | 1 << 3); // AFIOEN, IOPBEN
    }

    @Test
    void givenPb12RoutedWithFallingTrigger_whenHostPullsItLow_thenPendingAndIrq40UntilCleared() {
        bus.write(GPIOB_CRH, 4, 0x4448_4444); // PB12 input with pull
        bus.write(0x4001_0C0C, 4, 1 << 12); // pull-up
        bus.write(AFIO_EXTICR4, 4, 0x0001); // EXTI12 from port B
        bus.write(EXTI + FTSR, 4, 1 << 12);
        bus.write(EXTI + IMR, 4, 1 << 12);

        chip.gpio('B').drive(12, false);

        assertThat(bus.read(EXTI + PR, 4)).isEqualTo(1 << 12);
        assertThat(irqs).containsExactly("40+");
        bus.write(EXTI + PR, 4, 1 << 12);
        assertThat(bus.read(EXTI + PR, 4)).isZero();
        assertThat(irqs).containsExactly("40+", "40-");
    }

    @Test
    void givenRisingTriggerOnly_whenPinFalls_thenNothingPending() {
        bus.write(EXTI + RTSR, 4, 1 << 12);
        bus.write(EXTI + IMR, 4, 1 << 12);
        bus.write(AFIO_EXTICR4, 4, 0x0001);
        chip.gpio('B').drive(12, true);
        bus.write(EXTI + PR, 4, 1 << 12);
        chip.gpio('B').drive(12, false);
        assertThat(bus.read(EXTI + PR, 4)).isZero();
    }

    @Test
    void givenLineRoutedToAnotherPort_whenPinChanges_thenIgnored() {
        bus.write(EXTI + RTSR, 4, 1);
        bus.write(EXTI + IMR, 4, 1);
        chip.gpio('B').drive(0, true); // EXTI0 listens to PA0 after reset
        assertThat(bus.read(EXTI + PR, 4)).isZero();
        chip.gpio('A').drive(0, true);
        assertThat(bus.read(EXTI + PR, 4)).isEqualTo(1);
        assertThat(irqs).containsExactly("6+");
    }

    @Test
    void givenSoftwareInterrupt_whenSwierWritten_thenPendingOnlyIfUnmasked() {
        bus.write(EXTI + SWIER, 4, 1 << 3);
        assertThat(bus.read(EXTI + PR, 4)).isZero();
        bus.write(EXTI + PR, 4, 1 << 3);
        bus.write(EXTI + IMR, 4, 1 << 3);
        bus.write(EXTI + SWIER, 4, 1 << 3);
        assertThat(bus.read(EXTI + PR, 4)).isEqualTo(1 << 3);
        assertThat(irqs).containsExactly("9+");
    }
}
