package io.blueflash.sim.chip.periph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.sim.bus.BusFaultException;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import org.junit.jupiter.api.Test;

/** RM0008 §3.3 Table 3: every peripheral answers, reserved addresses still bus-fault, per density. */
class PeripheralMapTest {

    private final Stm32F103 c8 = Stm32F103.create("stm32f103c8");
    private final SystemBus bus = c8.cpuBus();

    @Test
    void givenTim2Clocked_whenRegistersWritten_thenReadBack() {
        bus.write(0x4002_101C, 4, 1); // TIM2EN
        bus.write(0x4000_002C, 4, 7199); // TIM2_ARR
        assertThat(bus.read(0x4000_002C, 4)).isEqualTo(7199);
    }

    @Test
    void givenResetValues_whenSimpleRegistersRead_thenRm0008Values() {
        bus.write(0x4002_101C, 4, 1 << 11 | 1 << 14); // WWDGEN, SPI2EN
        assertThat(bus.read(0x4000_2C00, 4)).isEqualTo(0x7F); // WWDG_CR
        assertThat(bus.read(0x4000_3808, 4)).isEqualTo(0x0002); // SPI2_SR: TXE
        assertThat(bus.read(0x4000_2804, 4)).isEqualTo(0x0020); // RTC_CRL: RTOFF
    }

    @Test
    void givenReservedPeripheralAddresses_whenAccessed_thenBusFault() {
        for (int address : new int[] {0x4000_2400, 0x4000_6800, 0x4001_1C00, 0x4002_4000, 0x4002_3400, 0xA000_0000}) {
            assertThatThrownBy(() -> bus.read(address, 4)).as("0x%08X", address)
                    .isInstanceOf(BusFaultException.class);
        }
    }

    @Test
    void givenHighDensity_whenItsExtraPeripheralsAccessed_thenTheyAnswer() {
        SystemBus hd = Stm32F103.create("stm32f103ze").cpuBus();
        hd.write(0x4002_1018, 4, 1 << 7 | 1 << 8); // IOPFEN, IOPGEN
        hd.write(0x4001_1C0C, 4, 0x1234); // GPIOF_ODR
        assertThat(hd.read(0x4001_1C0C, 4)).isEqualTo(0x1234);
        assertThat(hd.read(0xA000_0000, 4)).isZero(); // FSMC_BCR1 without FSMCEN
        hd.write(0x4002_1014, 4, 0x14 | 1 << 8);
        assertThat(hd.read(0xA000_0000, 4)).isEqualTo(0x30DB);
        assertThat(Stm32F103.create("stm32f103ze").usart(5).number()).isEqualTo(5);
    }

    @Test
    void givenApbRegister_whenByteWritten_thenTheByteLandsInEveryLane() {
        bus.write(0x4002_1018, 4, 1 << 9); // ADC1EN
        bus.write(0x4001_2434, 1, 0x5A); // ADC1_SQR3
        assertThat(bus.read(0x4001_2434, 4)).isEqualTo(0x5A5A_5A5A);
        assertThat(bus.read(0x4001_2435, 1)).isEqualTo(0x5A);
    }

    @Test
    void givenAfio_whenMaprWrittenWithSwjCfg_thenSwjCfgReadsZeroButIsKept() {
        bus.write(0x4002_1018, 4, 1); // AFIOEN
        bus.write(0x4001_0004, 4, 2 << 24 | 1 << 2); // SWJ_CFG = 010 (SW-DP only), USART1_REMAP
        assertThat(bus.read(0x4001_0004, 4)).isEqualTo(1 << 2);
        assertThat(c8.peripherals().afio().swjCfg()).isEqualTo(2);
        bus.write(0x4001_000C, 4, 0x0002); // EXTICR2: EXTI4 from port C
        assertThat(c8.peripherals().afio().extiPort(4)).isEqualTo(2);
    }

    @Test
    void givenTrace_whenPeripheralsAccessed_thenRm0008RegisterAndBitNames() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        c8.addTraceListener(e -> {
            if (e instanceof io.blueflash.sim.trace.SimTraceEvent.BusAccess) {
                lines.add(e.text());
            }
        });
        bus.write(0x4002_1018, 4, 1 << 4 | 1 << 14);
        bus.write(0x4001_100C, 4, 1 << 13);
        bus.write(0x4001_3804, 4, 'A');
        bus.read(0x4000_0000, 4);
        bus.read(0x4000_2C00, 4);
        assertThat(lines).containsExactly("cpu RCC_APB2ENR <- IOPCEN|USART1EN", "cpu GPIOC_ODR <- 0x00002000",
                "cpu USART1_DR <- 0x00000041", "cpu TIM2_CR1 -> 0x00000000",
                "cpu WWDG 0x40002C00 -> 0x00000000");
    }
}
