/*
 * Start-up for the STM32F103 (and the QEMU referee board): the vector table (16 system exceptions
 * plus the F103xB's 43 IRQs, RM0008 Table 63), copy .data, zero .bss, run main, exit through
 * semihosting with main's return value. Every handler a program does not define lands in
 * Default_Handler, which names the exception and exits with status 0x80 + exception number.
 */
#include <stdint.h>
#include "cm3.h"
#include "semihost.h"

extern uint32_t _estack, _sidata, _sdata, _edata, _sbss, _ebss;

int main(void);
void Reset_Handler(void);
void Default_Handler(void);

#define WEAK_HANDLER(name) void name(void) __attribute__((weak, alias("Default_Handler")))
WEAK_HANDLER(NMI_Handler);
WEAK_HANDLER(HardFault_Handler);
WEAK_HANDLER(MemManage_Handler);
WEAK_HANDLER(BusFault_Handler);
WEAK_HANDLER(UsageFault_Handler);
WEAK_HANDLER(SVC_Handler);
WEAK_HANDLER(DebugMon_Handler);
WEAK_HANDLER(PendSV_Handler);
WEAK_HANDLER(SysTick_Handler);
WEAK_HANDLER(IRQ0_Handler);
WEAK_HANDLER(IRQ1_Handler);
WEAK_HANDLER(IRQ2_Handler);
WEAK_HANDLER(IRQ3_Handler);
WEAK_HANDLER(IRQ4_Handler);
WEAK_HANDLER(IRQ5_Handler);
WEAK_HANDLER(IRQ37_Handler);

typedef void (*vector)(void);

__attribute__((section(".isr_vector"), used)) const vector vectors[16 + 43] = {
    (vector) &_estack,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0, 0, 0, 0,
    SVC_Handler,
    DebugMon_Handler,
    0,
    PendSV_Handler,
    SysTick_Handler,
    [16 + 0] = IRQ0_Handler,
    [16 + 1] = IRQ1_Handler,
    [16 + 2] = IRQ2_Handler,
    [16 + 3] = IRQ3_Handler,
    [16 + 4] = IRQ4_Handler,
    [16 + 5] = IRQ5_Handler,
    [16 + 6 ... 16 + 36] = Default_Handler,
    [16 + 37] = IRQ37_Handler, /* USART1 */
    [16 + 38 ... 16 + 42] = Default_Handler,
};

void Reset_Handler(void)
{
    uint32_t *src = &_sidata;
    for (uint32_t *dst = &_sdata; dst < &_edata;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    SCB_VTOR = (uint32_t) vectors; /* our table, also when started by the ROM bootloader's GO (BOOT0 = 1) */
    SCB_CCR |= CCR_STKALIGN;       /* r1p1 parts reset with it clear (libopencm3 does the same) */
    semihost_exit(main());
}

/* An exception no handler was written for: say which, and end the program. */
void Default_Handler(void)
{
    uint32_t exception = get_ipsr();
    char line[] = "unexpected exception nnn\n";
    line[21] = (char) ('0' + exception / 100u % 10u);
    line[22] = (char) ('0' + exception / 10u % 10u);
    line[23] = (char) ('0' + exception % 10u);
    semihost_write0(line);
    semihost_exit(0x80 + (int) exception);
}
