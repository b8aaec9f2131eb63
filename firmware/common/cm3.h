/*
 * The Cortex-M3 system registers the test programs touch (ARMv7-M ARM B3.2, Cortex-M3 TRM
 * Table 4-1; PM0056 §4). Our own minimal definitions, no vendor headers.
 */
#ifndef CM3_H
#define CM3_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *) (addr))
#define REG8(addr)  (*(volatile uint8_t *) (addr))

#define SYST_CSR   REG32(0xE000E010u)
#define SYST_RVR   REG32(0xE000E014u)
#define SYST_CVR   REG32(0xE000E018u)
#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_TICKINT   (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2)
#define SYST_CSR_COUNTFLAG (1u << 16)

#define NVIC_ISER(n) REG32(0xE000E100u + 4u * (n))
#define NVIC_ICER(n) REG32(0xE000E180u + 4u * (n))
#define NVIC_ISPR(n) REG32(0xE000E200u + 4u * (n))
#define NVIC_ICPR(n) REG32(0xE000E280u + 4u * (n))
#define NVIC_IABR(n) REG32(0xE000E300u + 4u * (n))
#define NVIC_IPR(irq) REG8(0xE000E400u + (irq))
#define NVIC_STIR  REG32(0xE000EF00u)

#define SCB_ICSR   REG32(0xE000ED04u)
#define SCB_VTOR   REG32(0xE000ED08u)
#define SCB_AIRCR  REG32(0xE000ED0Cu)
#define SCB_SCR    REG32(0xE000ED10u)
#define SCB_CCR    REG32(0xE000ED14u)
#define SCB_SHPR(n) REG8(0xE000ED18u + (n) - 4u) /* n = system exception number 4..15 */
#define SCB_SHCSR  REG32(0xE000ED24u)
#define SCB_CFSR   REG32(0xE000ED28u)
#define SCB_HFSR   REG32(0xE000ED2Cu)
#define SCB_BFAR   REG32(0xE000ED38u)

#define ICSR_PENDSVSET (1u << 28)
#define ICSR_PENDSTSET (1u << 26)
#define CCR_DIV_0_TRP  (1u << 4)
#define CCR_STKALIGN   (1u << 9)
#define SHCSR_USGFAULTENA (1u << 18)
#define SHCSR_BUSFAULTENA (1u << 17)
#define SHCSR_MEMFAULTENA (1u << 16)
#define CFSR_PRECISERR  (1u << 9)
#define CFSR_BFARVALID  (1u << 15)
#define CFSR_UNDEFINSTR (1u << 16)
#define CFSR_INVSTATE   (1u << 17)
#define CFSR_DIVBYZERO  (1u << 25)
#define HFSR_FORCED     (1u << 30)

static inline uint32_t get_ipsr(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, ipsr" : "=r"(v));
    return v;
}

static inline uint32_t get_basepri(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, basepri" : "=r"(v));
    return v;
}

static inline void set_basepri(uint32_t v)
{
    __asm__ volatile("msr basepri, %0" : : "r"(v) : "memory");
}

static inline uint32_t get_control(void)
{
    uint32_t v;
    __asm__ volatile("mrs %0, control" : "=r"(v));
    return v;
}

static inline void irq_disable(void)
{
    __asm__ volatile("cpsid i" : : : "memory");
}

static inline void irq_enable(void)
{
    __asm__ volatile("cpsie i" : : : "memory");
}

static inline void barrier(void)
{
    __asm__ volatile("dsb\n\tisb" : : : "memory");
}

/* The exception frame the core stacked (ARMv7-M B1.5.6): r0-r3, r12, lr, return address, xPSR. */
struct exception_frame {
    uint32_t r0, r1, r2, r3, r12, lr, pc, xpsr;
};

/* Thumb instruction length at pc: 32-bit when the first half-word starts 0b11101/0b11110/0b11111. */
static inline uint32_t thumb_length(uint32_t pc)
{
    uint16_t hw = *(const volatile uint16_t *) pc;
    return (hw >> 11) >= 0x1Du ? 4u : 2u;
}

#endif
