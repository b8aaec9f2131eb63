package io.blueflash.sim.chip;

import java.util.Map;
import java.util.TreeMap;

/**
 * RM0008's names for the run-time peripherals' registers and bits (RCC_CR, GPIOC_ODR, USART1_DR
 * ...), and the peripheral block of any other address of the §3.3 Table 3 map, for the decoded trace.
 */
final class PeripheralRegisterNames {

    @FunctionalInterface
    interface Sink {
        /** @param bits alternating bit number and name, or null when the value is shown in hex */
        void register(int address, String name, Object[] bits);
    }

    /** Base of each block of RM0008 Table 3 and its name (every block spans 0x400 bytes). */
    private static final TreeMap<Long, String> BLOCKS = new TreeMap<>();

    static {
        String[] apb1 = {"TIM2", "TIM3", "TIM4", "TIM5", "TIM6", "TIM7", "TIM12", "TIM13", "TIM14", null, "RTC", "WWDG",
                "IWDG", null, "SPI2", "SPI3", null, "USART2", "USART3", "UART4", "UART5", "I2C1", "I2C2", "USB",
                "USB/CAN SRAM", "CAN1", null, "BKP", "PWR", "DAC"};
        for (int i = 0; i < apb1.length; i++) {
            block(0x4000_0000L + 0x400L * i, apb1[i]);
        }
        String[] apb2 = {"AFIO", "EXTI", "GPIOA", "GPIOB", "GPIOC", "GPIOD", "GPIOE", "GPIOF", "GPIOG", "ADC1", "ADC2",
                "TIM1", "SPI1", "TIM8", "USART1", "ADC3", null, null, null, "TIM9", "TIM10", "TIM11"};
        for (int i = 0; i < apb2.length; i++) {
            block(0x4001_0000L + 0x400L * i, apb2[i]);
        }
        block(0x4001_8000L, "SDIO");
        block(0x4002_0000L, "DMA1");
        block(0x4002_0400L, "DMA2");
        block(0x4002_3000L, "CRC");
        block(0xA000_0000L, "FSMC");
    }

    private PeripheralRegisterNames() {
    }

    private static void block(long base, String name) {
        if (name != null) {
            BLOCKS.put(base, name);
        }
    }

    /** The Table 3 block holding {@code address}, or null. */
    static String block(int address) {
        long a = Integer.toUnsignedLong(address);
        Map.Entry<Long, String> entry = BLOCKS.floorEntry(a);
        return entry != null && a < entry.getKey() + 0x400 ? entry.getValue() : null;
    }

    static void register(Sink sink) {
        int rcc = 0x4002_1000;
        sink.register(rcc, "RCC_CR", new Object[] {0, "HSION", 1, "HSIRDY", 16, "HSEON", 17, "HSERDY", 18, "HSEBYP",
                19, "CSSON", 24, "PLLON", 25, "PLLRDY"});
        sink.register(rcc + 0x04, "RCC_CFGR", null);
        sink.register(rcc + 0x08, "RCC_CIR", null);
        Object[] apb2 = {0, "AFIOEN", 2, "IOPAEN", 3, "IOPBEN", 4, "IOPCEN", 5, "IOPDEN", 6, "IOPEEN", 7, "IOPFEN",
                8, "IOPGEN", 9, "ADC1EN", 10, "ADC2EN", 11, "TIM1EN", 12, "SPI1EN", 13, "TIM8EN", 14, "USART1EN",
                15, "ADC3EN"};
        Object[] apb1 = {0, "TIM2EN", 1, "TIM3EN", 2, "TIM4EN", 3, "TIM5EN", 4, "TIM6EN", 5, "TIM7EN", 11, "WWDGEN",
                14, "SPI2EN", 15, "SPI3EN", 17, "USART2EN", 18, "USART3EN", 19, "UART4EN", 20, "UART5EN", 21, "I2C1EN",
                22, "I2C2EN", 23, "USBEN", 25, "CANEN", 27, "BKPEN", 28, "PWREN", 29, "DACEN"};
        sink.register(rcc + 0x0C, "RCC_APB2RSTR", null);
        sink.register(rcc + 0x10, "RCC_APB1RSTR", null);
        sink.register(rcc + 0x14, "RCC_AHBENR", new Object[] {0, "DMA1EN", 1, "DMA2EN", 2, "SRAMEN", 4, "FLITFEN",
                6, "CRCEN", 8, "FSMCEN", 10, "SDIOEN"});
        sink.register(rcc + 0x18, "RCC_APB2ENR", apb2);
        sink.register(rcc + 0x1C, "RCC_APB1ENR", apb1);
        sink.register(rcc + 0x20, "RCC_BDCR", new Object[] {0, "LSEON", 1, "LSERDY", 2, "LSEBYP", 15, "RTCEN",
                16, "BDRST"});
        sink.register(rcc + 0x24, "RCC_CSR", new Object[] {0, "LSION", 1, "LSIRDY", 24, "RMVF", 26, "PINRSTF",
                27, "PORRSTF", 28, "SFTRSTF", 29, "IWDGRSTF", 30, "WWDGRSTF", 31, "LPWRRSTF"});
        String[] iwdg = {"IWDG_KR", "IWDG_PR", "IWDG_RLR", "IWDG_SR"};
        for (int i = 0; i < iwdg.length; i++) {
            sink.register(0x4000_3000 + 4 * i, iwdg[i], null);
        }
        String[] gpio = {"CRL", "CRH", "IDR", "ODR", "BSRR", "BRR", "LCKR"};
        for (int port = 0; port < 7; port++) {
            for (int i = 0; i < gpio.length; i++) {
                sink.register(0x4001_0800 + 0x400 * port + 4 * i, "GPIO" + (char) ('A' + port) + "_" + gpio[i], null);
            }
        }
        String[] afio = {"AFIO_EVCR", "AFIO_MAPR", "AFIO_EXTICR1", "AFIO_EXTICR2", "AFIO_EXTICR3", "AFIO_EXTICR4",
                null, "AFIO_MAPR2"};
        for (int i = 0; i < afio.length; i++) {
            if (afio[i] != null) {
                sink.register(0x4001_0000 + 4 * i, afio[i], null);
            }
        }
        int[] usarts = {0x4001_3800, 0x4000_4400, 0x4000_4800, 0x4000_4C00, 0x4000_5000};
        for (int n = 0; n < usarts.length; n++) {
            String prefix = (n < 3 ? "USART" : "UART") + (n + 1) + "_";
            int base = usarts[n];
            sink.register(base, prefix + "SR", new Object[] {0, "PE", 1, "FE", 2, "NE", 3, "ORE", 4, "IDLE", 5, "RXNE",
                    6, "TC", 7, "TXE", 8, "LBD", 9, "CTS"});
            sink.register(base + 0x04, prefix + "DR", null);
            sink.register(base + 0x08, prefix + "BRR", null);
            sink.register(base + 0x0C, prefix + "CR1", new Object[] {0, "SBK", 1, "RWU", 2, "RE", 3, "TE", 4, "IDLEIE",
                    5, "RXNEIE", 6, "TCIE", 7, "TXEIE", 8, "PEIE", 9, "PS", 10, "PCE", 11, "WAKE", 12, "M", 13, "UE"});
            sink.register(base + 0x10, prefix + "CR2", null);
            sink.register(base + 0x14, prefix + "CR3", null);
            sink.register(base + 0x18, prefix + "GTPR", null);
        }
        String[] tim = {"CR1", "CR2", "SMCR", "DIER", "SR", "EGR", "CCMR1", "CCMR2", "CCER", "CNT", "PSC", "ARR", "RCR",
                "CCR1", "CCR2", "CCR3", "CCR4", "BDTR", "DCR", "DMAR"};
        int[] timers = {0x4001_2C00, 0x4000_0000, 0x4000_0400, 0x4000_0800, 0x4000_0C00, 0x4000_1000, 0x4000_1400,
                0x4001_3400};
        for (int n = 0; n < timers.length; n++) {
            for (int i = 0; i < tim.length; i++) {
                sink.register(timers[n] + 4 * i, "TIM" + (n + 1) + "_" + tim[i],
                        i == 4 ? new Object[] {0, "UIF", 1, "CC1IF", 2, "CC2IF", 3, "CC3IF", 4, "CC4IF", 6, "TIF"}
                                : null);
            }
        }
        String[] exti = {"EXTI_IMR", "EXTI_EMR", "EXTI_RTSR", "EXTI_FTSR", "EXTI_SWIER", "EXTI_PR"};
        for (int i = 0; i < exti.length; i++) {
            sink.register(0x4001_0400 + 4 * i, exti[i], null);
        }
        sink.register(0x4002_3000, "CRC_DR", null);
        sink.register(0x4002_3004, "CRC_IDR", null);
        sink.register(0x4002_3008, "CRC_CR", new Object[] {0, "RESET"});
        sink.register(0x4000_7000, "PWR_CR", new Object[] {8, "DBP"});
        sink.register(0x4000_7004, "PWR_CSR", null);
    }
}
