package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GPIO ports (RM0008 §9.2) through the CPU bus: configuration, output registers, pins, edges, lock. */
class GpioPortTest {

    private static final int GPIOA = 0x4001_0800, GPIOC = 0x4001_1000;
    private static final int CRL = 0x00, CRH = 0x04, IDR = 0x08, ODR = 0x0C, BSRR = 0x10, BRR = 0x14, LCKR = 0x18;
    private static final int RCC_APB2ENR = 0x4002_1018;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();
    private final List<SimTraceEvent.GpioEdge> edges = new ArrayList<>();

    GpioPortTest() {
        bus.write(RCC_APB2ENR, 4, 1 << 2 | 1 << 4); // IOPAEN, IOPCEN
        chip.gpio('C').addPinListener(edges::add);
    }

    private void pc13PushPullOutput() {
        bus.write(GPIOC + CRH, 4, bus.read(GPIOC + CRH, 4) & ~(0xF << 20) | 0x2 << 20);
    }

    @Test
    void givenReset_whenPortRead_thenFloatingInputsAndZeroOdr() {
        assertThat(bus.read(GPIOC + CRL, 4)).isEqualTo(0x4444_4444);
        assertThat(bus.read(GPIOC + CRH, 4)).isEqualTo(0x4444_4444);
        assertThat(bus.read(GPIOC + ODR, 4)).isZero();
        assertThat(bus.read(GPIOC + IDR, 4)).isZero();
    }

    @Test
    void givenPc13Output_whenBlinkedWithBsrrAndBrr_thenOdrIdrAndTimedEdges() {
        pc13PushPullOutput();
        bus.write(GPIOC + BSRR, 4, 1 << 13);
        chip.clock().advance(500_000L);
        bus.write(GPIOC + BRR, 2, 1 << 13);
        chip.clock().advance(250_000L);
        bus.write(GPIOC + ODR, 4, 1 << 13);

        assertThat(bus.read(GPIOC + IDR, 4)).isEqualTo(1 << 13);
        assertThat(edges).extracting(SimTraceEvent.GpioEdge::text)
                .containsExactly("PC13 low -> high", "PC13 high -> low", "PC13 low -> high");
        assertThat(edges).extracting(SimTraceEvent.GpioEdge::simNanos)
                .containsExactly(0L, 500_000L, 750_000L);
    }

    @Test
    void givenBothSetAndResetInBsrr_whenWritten_thenSetWins() {
        pc13PushPullOutput();
        bus.write(GPIOC + BSRR, 4, 1 << 13 | 1 << (13 + 16));
        assertThat(bus.read(GPIOC + ODR, 4)).isEqualTo(1 << 13);
        bus.write(GPIOC + BSRR, 4, 1 << (13 + 16));
        assertThat(bus.read(GPIOC + ODR, 4)).isZero();
    }

    @Test
    void givenApbBridge_whenHalfWordWrittenToBsrrUpperHalf_thenDuplicatedSoTheSetBitWins() {
        pc13PushPullOutput();
        bus.write(GPIOC + BSRR + 2, 2, 1 << 13); // arrives as 0x2000_2000 (RM0008 §3.1)
        assertThat(bus.read(GPIOC + ODR, 4)).isEqualTo(1 << 13);
    }

    @Test
    void givenInputs_whenHostDrivesOrPullsConfigured_thenIdrFollows() {
        bus.write(GPIOA + CRL, 4, 0x4444_8884); // PA1..PA3 input with pull
        bus.write(GPIOA + ODR, 4, 1 << 1 | 1 << 3); // PA1 up, PA2 down, PA3 up
        chip.gpio('A').drive(3, false); // the host wins over a pull
        chip.gpio('A').drive(0, true); // PA0 floating input driven by the host
        assertThat(bus.read(GPIOA + IDR, 4) & 0xF).isEqualTo(0b0011);
        chip.gpio('A').release(3);
        assertThat(bus.read(GPIOA + IDR, 4) & 0xF).isEqualTo(0b1011);
    }

    @Test
    void givenAnalogInput_whenHostDrivesHigh_thenIdrReadsZero() {
        bus.write(GPIOA + CRL, 4, 0x4444_4440);
        chip.gpio('A').drive(0, true);
        assertThat(bus.read(GPIOA + IDR, 4) & 1).isZero();
        assertThat(chip.gpio('A').level(0)).isTrue();
    }

    @Test
    void givenOpenDrainOutput_whenOdrHigh_thenPinFollowsTheHost() {
        bus.write(GPIOA + CRL, 4, 0x4444_4446); // PA0 open-drain 2 MHz
        bus.write(GPIOA + ODR, 4, 1);
        chip.gpio('A').drive(0, false);
        assertThat(bus.read(GPIOA + IDR, 4) & 1).isZero();
        chip.gpio('A').drive(0, true);
        assertThat(bus.read(GPIOA + IDR, 4) & 1).isEqualTo(1);
        bus.write(GPIOA + ODR, 4, 0);
        assertThat(bus.read(GPIOA + IDR, 4) & 1).isZero();
    }

    @Test
    void givenLockKeySequence_whenCrhWrittenAfterwards_thenLockedPinsKeepTheirConfiguration() {
        pc13PushPullOutput();
        int lock = 1 << 13;
        bus.write(GPIOC + LCKR, 4, 1 << 16 | lock);
        bus.write(GPIOC + LCKR, 4, lock);
        bus.write(GPIOC + LCKR, 4, 1 << 16 | lock);
        assertThat(bus.read(GPIOC + LCKR, 4) >>> 16).isZero();
        assertThat(bus.read(GPIOC + LCKR, 4) >>> 16).isEqualTo(1);

        bus.write(GPIOC + CRH, 4, 0x4444_4444);
        assertThat(bus.read(GPIOC + CRH, 4)).isEqualTo(0x4424_4444);
        chip.systemReset();
        bus.write(RCC_APB2ENR, 4, 1 << 4);
        bus.write(GPIOC + CRH, 4, 0x4444_4444);
        assertThat(bus.read(GPIOC + CRH, 4)).isEqualTo(0x4444_4444);
    }

    @Test
    void givenBrokenLockSequence_whenCrhWritten_thenNotLocked() {
        pc13PushPullOutput();
        bus.write(GPIOC + LCKR, 4, 1 << 16 | 1 << 13);
        bus.write(GPIOC + LCKR, 4, 1 << 12); // LCK changed
        bus.write(GPIOC + LCKR, 4, 1 << 16 | 1 << 13);
        bus.write(GPIOC + CRH, 4, 0x4444_4444);
        assertThat(bus.read(GPIOC + CRH, 4)).isEqualTo(0x4444_4444);
        assertThat(bus.read(GPIOC + LCKR, 4) >>> 16).isZero();
    }

    @Test
    void givenDrivenPin_whenSystemReset_thenItFloatsAndTheEdgeIsTraced() {
        List<SimTraceEvent> trace = new ArrayList<>();
        chip.addTraceListener(trace::add);
        pc13PushPullOutput();
        bus.write(GPIOC + BSRR, 4, 1 << 13);
        chip.systemReset();
        assertThat(trace).filteredOn(e -> e instanceof SimTraceEvent.GpioEdge).extracting(SimTraceEvent::text)
                .containsExactly("PC13 low -> high", "PC13 high -> low");
        assertThat(trace).filteredOn(e -> e instanceof SimTraceEvent.GpioEdge).first()
                .extracting(SimTraceEvent::layer).isEqualTo("gpio");
    }
}
