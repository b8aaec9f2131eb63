/* ARM semihosting (ARM DUI 0471 / "Semihosting for AArch32 and AArch64"): BKPT 0xAB, R0 = operation,
   R1 = argument or parameter block, result in R0. */
#ifndef SEMIHOST_H
#define SEMIHOST_H

#include <stdint.h>

#define SYS_WRITEC        0x03u
#define SYS_WRITE0        0x04u
#define SYS_EXIT          0x18u
#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static inline uint32_t semihost(uint32_t op, const void *arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void semihost_write0(const char *text);
/* value in decimal, no sign, no padding (the firmware's figures for the tests to parse) */
void semihost_write_decimal(uint32_t value);
void semihost_exit(int status) __attribute__((noreturn));

#endif
