#include "board.h"

volatile uint32_t millis;

void clock_setup_72mhz(void)
{
    RCC_CR |= RCC_CR_HSEON;
    while ((RCC_CR & RCC_CR_HSERDY) == 0) {
    }
    FLASH_ACR = (FLASH_ACR & ~7u) | 1u << 4 | 2u;        /* PRFTBE, LATENCY = 2 */
    RCC_CFGR = (RCC_CFGR & ~(0xFu << 18 | 7u << 8 | 7u << 11 | 0xFu << 4))
            | 7u << 18                                  /* PLLMUL x9 */
            | 1u << 16                                  /* PLLSRC = HSE */
            | 4u << 8;                                  /* PPRE1 = HCLK/2 */
    RCC_CR |= RCC_CR_PLLON;
    while ((RCC_CR & RCC_CR_PLLRDY) == 0) {
    }
    RCC_CFGR = (RCC_CFGR & ~3u) | 2u;                   /* SW = PLL */
    while ((RCC_CFGR & (3u << 2)) != 2u << 2) {
    }
}

void SysTick_Handler(void)
{
    millis++;
}

void systick_start_1khz(void)
{
    SYST_RVR = HCLK_HZ / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
}

void delay_ms(uint32_t ms)
{
    uint32_t start = millis;
    while (millis - start < ms) {
        __asm__ volatile("wfi");
    }
}

void led_init(void)
{
    RCC_APB2ENR |= RCC_APB2ENR_IOPCEN;
    GPIOC_CRH = (GPIOC_CRH & ~(0xFu << 20)) | 0x2u << 20;
}

void led_toggle(void)
{
    uint32_t on = GPIOC_ODR & (1u << 13);
    GPIOC_BSRR = on ? 1u << (13 + 16) : 1u << 13;
}

void usart1_init(uint32_t baud)
{
    RCC_APB2ENR |= RCC_APB2ENR_IOPAEN | RCC_APB2ENR_USART1EN;
    GPIOA_CRH = (GPIOA_CRH & ~(0xFu << 4)) | 0xBu << 4; /* PA9: AF push-pull, 50 MHz */
    USART1_BRR = (HCLK_HZ + baud / 2u) / baud;          /* PCLK2 = HCLK */
    USART1_CR1 = 1u << 13 | 1u << 3;                    /* UE, TE */
}

void usart1_write(const char *text)
{
    for (; *text; text++) {
        while ((USART1_SR & USART_SR_TXE) == 0) {
        }
        USART1_DR = (uint8_t) *text;
    }
}

void usart1_flush(void)
{
    while ((USART1_SR & USART_SR_TC) == 0) {
    }
}
