package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RCC (RM0008 §7.3) through the CPU bus: ready flags after start-up times, the clock tree, enables, reset flags. */
class RccTest {

    private static final int RCC = 0x4002_1000;
    private static final int CR = RCC, CFGR = RCC + 0x04, CIR = RCC + 0x08, APB2RSTR = RCC + 0x0C,
            AHBENR = RCC + 0x14, APB2ENR = RCC + 0x18, APB1ENR = RCC + 0x1C, BDCR = RCC + 0x20, CSR = RCC + 0x24;
    private static final int FLASH_ACR = 0x4002_2000;
    private static final int HSEON = 1 << 16, HSERDY = 1 << 17, PLLON = 1 << 24, PLLRDY = 1 << 25;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = chip.cpuBus();

    @Test
    void givenPowerOn_whenRccRead_thenResetValuesAndHsi8MHzEverywhere() {
        assertThat(bus.read(CR, 4)).isEqualTo(0x0000_0083);
        assertThat(bus.read(CFGR, 4)).isZero();
        assertThat(bus.read(AHBENR, 4)).isEqualTo(0x14);
        assertThat(bus.read(CSR, 4)).isEqualTo(0x0C00_0000);
        assertThat(chip.rcc().sysclkHz()).isEqualTo(8_000_000L);
        assertThat(chip.rcc().hclkHz()).isEqualTo(8_000_000L);
        assertThat(chip.rcc().pclk1Hz()).isEqualTo(8_000_000L);
        assertThat(chip.rcc().pclk2Hz()).isEqualTo(8_000_000L);
    }

    @Test
    void givenHseon_whenPolledBeforeAndAfterStartupTime_thenHserdyOnlyAfter2ms() {
        bus.write(CR, 4, bus.read(CR, 4) | HSEON);
        chip.clock().advance(1_999_000L);
        assertThat(bus.read(CR, 4) & HSERDY).isZero();
        chip.clock().advance(1_000L);
        assertThat(bus.read(CR, 4) & HSERDY).isEqualTo(HSERDY);
    }

    @Test
    void givenLibopencm3Hse8To72Sequence_whenRun_thenClockTree72_36_72MHzAndSwsPll() {
        bus.write(CR, 4, bus.read(CR, 4) | HSEON);
        waitFor(CR, HSERDY);
        bus.write(CFGR, 4, 4 << 8 | 2 << 14); // PPRE1 /2, ADCPRE /6
        bus.write(FLASH_ACR, 4, bus.read(FLASH_ACR, 4) & ~7 | 2);
        bus.write(CFGR, 4, bus.read(CFGR, 4) | 7 << 18 | 1 << 16); // PLLMUL x9, PLLSRC HSE
        bus.write(CR, 4, bus.read(CR, 4) | PLLON);
        long pllOn = chip.clock().nanos();
        waitFor(CR, PLLRDY);
        assertThat(chip.clock().nanos() - pllOn).isBetween(200_000L, 201_000L);
        bus.write(CFGR, 4, bus.read(CFGR, 4) & ~3 | 2);

        assertThat(bus.read(CFGR, 4) >>> 2 & 3).isEqualTo(2);
        assertThat(chip.rcc().sysclkHz()).isEqualTo(72_000_000L);
        assertThat(chip.rcc().hclkHz()).isEqualTo(72_000_000L);
        assertThat(chip.rcc().pclk1Hz()).isEqualTo(36_000_000L);
        assertThat(chip.rcc().pclk2Hz()).isEqualTo(72_000_000L);
        assertThat(chip.rcc().adcClockHz()).isEqualTo(12_000_000L);
        assertThat(chip.flashController().latency()).isEqualTo(2);
        assertThat(chip.flashController().prefetchEnabled()).isTrue();
    }

    @Test
    void givenSwitchToPllBeforeLock_whenPllLocks_thenSwsFollowsOnlyThen() {
        bus.write(CFGR, 4, 7 << 18); // HSI/2 x9 = 36 MHz
        bus.write(CR, 4, bus.read(CR, 4) | PLLON);
        bus.write(CFGR, 4, bus.read(CFGR, 4) | 2);
        assertThat(bus.read(CFGR, 4) & 0xF).isEqualTo(2); // SW=PLL, SWS still HSI
        chip.clock().advance(200_000L);
        assertThat(bus.read(CFGR, 4) & 0xF).isEqualTo(0xA);
        assertThat(chip.rcc().sysclkHz()).isEqualTo(36_000_000L);
    }

    @Test
    void givenPllIsSysclk_whenPllonClearedOrMultiplierChanged_thenRefused() {
        bus.write(CFGR, 4, 7 << 18);
        bus.write(CR, 4, bus.read(CR, 4) | PLLON);
        chip.clock().advance(200_000L);
        bus.write(CFGR, 4, bus.read(CFGR, 4) | 2);
        bus.write(CR, 4, bus.read(CR, 4) & ~PLLON & ~1);
        bus.write(CFGR, 4, 2 | 2 << 18);
        assertThat(bus.read(CR, 4) & (PLLON | PLLRDY | 1)).isEqualTo(PLLON | PLLRDY | 1);
        assertThat(bus.read(CFGR, 4) >>> 18 & 0xF).isEqualTo(7);
    }

    @Test
    void givenAhbPrescalerAndApbDividers_whenSet_thenDividedClocks() {
        bus.write(CFGR, 4, 0x9 << 4 | 5 << 8 | 7 << 11); // HCLK /4, PCLK1 /4, PCLK2 /16
        assertThat(chip.rcc().hclkHz()).isEqualTo(2_000_000L);
        assertThat(chip.rcc().pclk1Hz()).isEqualTo(500_000L);
        assertThat(chip.rcc().pclk2Hz()).isEqualTo(125_000L);
    }

    @Test
    void givenHserdyInterruptEnabled_whenHseReady_thenCirFlagUntilCleared() {
        bus.write(CIR, 4, 1 << 11);
        bus.write(CR, 4, bus.read(CR, 4) | HSEON);
        chip.clock().advance(2_000_000L);
        assertThat(bus.read(CIR, 4) & 0xFF).isEqualTo(1 << 3);
        bus.write(CIR, 4, 1 << 11 | 1 << 19);
        assertThat(bus.read(CIR, 4) & 0xFF).isZero();
    }

    @Test
    void givenMediumDensity_whenAllEnableBitsWritten_thenOnlyPresentPeripheralsStick() {
        bus.write(APB1ENR, 4, 0xFFFF_FFFF);
        assertThat(bus.read(APB1ENR, 4)).isEqualTo(0x1AE6_4807);
        bus.write(APB2ENR, 4, 0xFFFF_FFFF);
        assertThat(bus.read(APB2ENR, 4)).isEqualTo(0x5E7D);
    }

    @Test
    void givenGpioClockOff_whenGpioWritten_thenReadsZeroAndKeepsNothingUntilEnabled() {
        int gpiocCrh = 0x4001_1004;
        bus.write(gpiocCrh, 4, 0x4424_4444);
        assertThat(bus.read(gpiocCrh, 4)).isZero();
        bus.write(APB2ENR, 4, 1 << 4);
        assertThat(bus.read(gpiocCrh, 4)).isEqualTo(0x4444_4444);
        bus.write(gpiocCrh, 4, 0x4424_4444);
        assertThat(bus.read(gpiocCrh, 4)).isEqualTo(0x4424_4444);
        bus.write(APB2RSTR, 4, 1 << 4);
        bus.write(APB2RSTR, 4, 0);
        assertThat(bus.read(gpiocCrh, 4)).isEqualTo(0x4444_4444);
    }

    @Test
    void givenResets_whenCsrRead_thenFlagsNameTheCauseUntilRmvf() {
        chip.systemReset();
        assertThat(bus.read(CSR, 4) >>> 24).isEqualTo(0x1C); // PINRSTF, PORRSTF, SFTRSTF
        bus.write(CSR, 4, 1 << 24);
        assertThat(bus.read(CSR, 4)).isZero();
        chip.setNrst(true);
        chip.setNrst(false);
        assertThat(bus.read(CSR, 4)).isEqualTo(1 << 26);
        chip.powerCycle();
        assertThat(bus.read(CSR, 4)).isEqualTo(0x0C00_0000);
    }

    @Test
    void givenLsion_whenWaited_thenLsirdyAfter85us() {
        bus.write(CSR, 4, 1);
        chip.clock().advance(84_000L);
        assertThat(bus.read(CSR, 4) & 3).isEqualTo(1);
        chip.clock().advance(1_000L);
        assertThat(bus.read(CSR, 4) & 3).isEqualTo(3);
    }

    @Test
    void givenBackupDomainLocked_whenLseonWritten_thenIgnoredUntilDbpThenSurvivesSystemReset() {
        bus.write(BDCR, 4, 1);
        assertThat(bus.read(BDCR, 4)).isZero();
        bus.write(APB1ENR, 4, 1 << 28);
        bus.write(0x4000_7000, 4, 1 << 8); // PWR_CR.DBP
        bus.write(BDCR, 4, 1);
        chip.clock().advance(3_000_000_000L);
        assertThat(bus.read(BDCR, 4)).isEqualTo(3);
        chip.systemReset();
        assertThat(bus.read(BDCR, 4)).isEqualTo(3);
        assertThat(bus.read(CR, 4)).isEqualTo(0x83);
    }

    @Test
    void givenTraceListener_whenPllLocksAndSysclkSwitches_thenPeripheralEventsWithTimes() {
        List<SimTraceEvent> events = new ArrayList<>();
        chip.addTraceListener(events::add);
        bus.write(CFGR, 4, 2 | 7 << 18);
        bus.write(CR, 4, bus.read(CR, 4) | PLLON);
        chip.clock().advance(300_000L);
        assertThat(events).filteredOn(e -> e instanceof SimTraceEvent.PeripheralEvent)
                .extracting(SimTraceEvent::text)
                .containsExactly("RCC: PLL locked at 36.000 MHz", "RCC: SYSCLK switched to PLL: 36.000 MHz");
    }

    @Test
    void givenAcrWritten_whenRead_thenLatencyAndPrftbsFollowsPrftbe() {
        assertThat(bus.read(FLASH_ACR, 4)).isEqualTo(0x30);
        bus.write(FLASH_ACR, 4, 0x02);
        assertThat(bus.read(FLASH_ACR, 4)).isEqualTo(0x02);
        assertThat(chip.flashController().prefetchEnabled()).isFalse();
        bus.write(FLASH_ACR, 4, 0x1A);
        assertThat(bus.read(FLASH_ACR, 4)).isEqualTo(0x3A);
        assertThat(chip.flashController().halfCycleAccess()).isTrue();
        chip.systemReset();
        assertThat(bus.read(FLASH_ACR, 4)).isEqualTo(0x30);
    }

    private void waitFor(int address, int mask) {
        for (int i = 0; i < 100_000 && (bus.read(address, 4) & mask) == 0; i++) {
            chip.clock().advance(1_000L);
        }
        assertThat(bus.read(address, 4) & mask).isEqualTo(mask);
    }
}
