package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The independent watchdog (RM0008 §19): keys, timeout, reload, freeze under the debugger, hardware option. */
class IwdgTest {

    private static final int KR = 0x4000_3000, PR = 0x4000_3004, RLR = 0x4000_3008, SR = 0x4000_300C;
    private static final int RCC_CSR = 0x4002_1024, RCC_CR = 0x4002_1000, DBGMCU_CR = 0xE004_2004;
    private static final int IWDGRSTF = 1 << 29;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();

    /** PR = 2 (/16), RLR = 99: 16 × 100 / 40 kHz = 40 ms. */
    private void start40ms() {
        bus.write(RCC_CSR, 4, 1 << 24); // RMVF: clear the power-on flags
        bus.write(KR, 4, 0x5555);
        bus.write(PR, 4, 2);
        bus.write(RLR, 4, 99);
        assertThat(bus.read(SR, 4)).isEqualTo(3); // PVU, RVU
        chip.clock().advance(125_000L);
        assertThat(bus.read(SR, 4)).isZero();
        bus.write(KR, 4, 0xAAAA);
        bus.write(KR, 4, 0xCCCC);
    }

    private boolean watchdogResetHappened() {
        return (bus.read(RCC_CSR, 4) & IWDGRSTF) != 0;
    }

    @Test
    void givenStartedWatchdog_whenNotReloaded_thenSystemResetAfter4x2PowPrxRlrPlus1OverLsi() {
        start40ms();
        bus.write(RCC_CR, 4, bus.read(RCC_CR, 4) | 1 << 16); // HSEON: undone by the reset
        chip.clock().advance(39_999_000L);
        assertThat(watchdogResetHappened()).isFalse();
        chip.clock().advance(1_000L);
        assertThat(watchdogResetHappened()).isTrue();
        assertThat(bus.read(RCC_CSR, 4) >>> 24).isEqualTo((IWDGRSTF | 1 << 26) >>> 24);
        assertThat(bus.read(RCC_CR, 4)).isEqualTo(0x83);
        assertThat(chip.iwdg().isRunning()).isFalse();
    }

    @Test
    void givenStartedWatchdog_whenReloadedEvery30ms_thenNoReset() {
        start40ms();
        for (int i = 0; i < 10; i++) {
            chip.clock().advance(30_000_000L);
            bus.write(KR, 4, 0xAAAA);
        }
        assertThat(watchdogResetHappened()).isFalse();
        chip.clock().advance(40_000_000L);
        assertThat(watchdogResetHappened()).isTrue();
    }

    @Test
    void givenLockedRegisters_whenPrWrittenWithoutUnlockKey_thenIgnored() {
        bus.write(PR, 4, 6);
        bus.write(KR, 4, 0x5555);
        bus.write(KR, 4, 0xAAAA); // any other key locks again
        bus.write(RLR, 4, 5);
        chip.clock().advance(200_000L);
        assertThat(bus.read(PR, 4)).isZero();
        assertThat(bus.read(RLR, 4)).isEqualTo(0xFFF);
        assertThat(bus.read(KR, 4)).isZero();
    }

    @Test
    void givenHaltedCoreAndDbgIwdgStop_whenTimePasses_thenFrozenAndCountsOnAfterResume() {
        AtomicBoolean halted = new AtomicBoolean(true);
        chip.iwdg().setCoreHalted(halted::get);
        bus.write(DBGMCU_CR, 4, 1 << 8);
        start40ms();
        chip.clock().advance(1_000_000_000L);
        assertThat(watchdogResetHappened()).isFalse();
        halted.set(false);
        chip.clock().advance(41_000_000L);
        assertThat(watchdogResetHappened()).isTrue();
    }

    @Test
    void givenHaltedCoreWithoutDbgIwdgStop_whenTimePasses_thenResetAnyway() {
        chip.iwdg().setCoreHalted(() -> true);
        start40ms();
        chip.clock().advance(41_000_000L);
        assertThat(watchdogResetHappened()).isTrue();
    }

    @Test
    void givenStartWithoutReload_whenNotFed_thenCountsFromFffWithPrescaler4() {
        bus.write(KR, 4, 0xCCCC);
        chip.clock().advance(409_599_000L);
        assertThat(watchdogResetHappened()).isFalse();
        chip.clock().advance(1_000L);
        assertThat(watchdogResetHappened()).isTrue();
    }
}
