/*
 * lockup: executes an undefined instruction with UsageFault disabled (so it escalates to HardFault),
 * and the HardFault handler does the same: a fault while in HardFault locks the core up
 * (ARMv7-M ARM B1.5.15). What "blueflash sim run" reports with its own exit code.
 */
#include "semihost.h"

void HardFault_Handler(void)
{
    __asm__ volatile("udf #2");
}

int main(void)
{
    semihost_write0("about to lock up\n");
    __asm__ volatile("udf #1");
    return 0;
}
