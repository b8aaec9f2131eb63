/*
 * The Blue Pill board for the apps: STM32F103C8 registers (RM0008 §7.3 RCC, §9.2 GPIO, §27.6 USART,
 * §3.3.3 FLASH_ACR), our own minimal definitions.
 */
#ifndef BOARD_H
#define BOARD_H

#include <stdint.h>
#include "cm3.h"

#define RCC_CR       REG32(0x40021000u)
#define RCC_CFGR     REG32(0x40021004u)
#define RCC_APB2ENR  REG32(0x40021018u)
#define FLASH_ACR    REG32(0x40022000u)

#define GPIOA_CRH    REG32(0x40010804u)
#define GPIOC_CRH    REG32(0x40011004u)
#define GPIOC_ODR    REG32(0x4001100Cu)
#define GPIOC_BSRR   REG32(0x40011010u)

#define USART1_SR    REG32(0x40013800u)
#define USART1_DR    REG32(0x40013804u)
#define USART1_BRR   REG32(0x40013808u)
#define USART1_CR1   REG32(0x4001380Cu)

#define RCC_CR_HSEON  (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_PLLON  (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_APB2ENR_IOPAEN   (1u << 2)
#define RCC_APB2ENR_IOPCEN   (1u << 4)
#define RCC_APB2ENR_USART1EN (1u << 14)
#define USART_SR_TC  (1u << 6)
#define USART_SR_TXE (1u << 7)

/* SYSCLK after clock_setup_72mhz(). */
#define HCLK_HZ 72000000u

/* HSE 8 MHz x PLL 9 = 72 MHz; flash 2 wait states with prefetch; APB1 /2, APB2 /1. */
void clock_setup_72mhz(void);

/* Milliseconds counted by the SysTick interrupt (1 kHz) once systick_start_1khz() ran. */
extern volatile uint32_t millis;
void systick_start_1khz(void);
void delay_ms(uint32_t ms);

/* PC13 (the Blue Pill's LED, lit when low) as a 2 MHz push-pull output. */
void led_init(void);
void led_toggle(void);

/* USART1 on PA9 (TX), 8N1 at baud, transmit only. */
void usart1_init(uint32_t baud);
void usart1_write(const char *text);
void usart1_flush(void);

#endif
