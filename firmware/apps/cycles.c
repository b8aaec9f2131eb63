/*
 * cycles: times small loops with the DWT cycle counter (ARMv7-M ARM C1.8.6, CYCCNT) from SRAM and
 * from flash, first at the reset clock (HSI 8 MHz, 0 wait states) and then at 72 MHz with 2 wait
 * states and the prefetch buffer. Each line reads "CYCLES <clock> <memory> <loop> <n>": n = cycles
 * for 1000 iterations (the difference of a 2000- and a 1000-iteration run, so call overhead cancels).
 * docs/sim.md works the same figures out from the Cortex-M3 TRM's Table 3-1.
 */
#include <stdint.h>
#include "board.h"
#include "semihost.h"

#define DEMCR      REG32(0xE000EDFCu)
#define DWT_CTRL   REG32(0xE0001000u)
#define DWT_CYCCNT REG32(0xE0001004u)

typedef void (*loop_fn)(uint32_t n, volatile uint32_t *p);

/* subs; bne: 1 + (1 + P) per iteration. */
#define LOOP_BODY_SUBS "1: subs r0, #1\n\tbne 1b\n\tbx lr\n\t"
/* ldr; subs; bne: 2 + 1 + (1 + P). */
#define LOOP_BODY_LDR "1: ldr r2, [r1]\n\tsubs r0, #1\n\tbne 1b\n\tbx lr\n\t"
/* ldr; ldr; subs; bne: the second LDR pairs with the first (TRM 3.3.2): 2 + 1 + 1 + (1 + P). */
#define LOOP_BODY_LDR2 "1: ldr r2, [r1]\n\tldr r3, [r1, #4]\n\tsubs r0, #1\n\tbne 1b\n\tbx lr\n\t"
/* muls; subs; bne: 1 + 1 + (1 + P). */
#define LOOP_BODY_MUL "1: muls r2, r2, r2\n\tsubs r0, #1\n\tbne 1b\n\tbx lr\n\t"

#define LOOP_FN(name, where, body) \
    __attribute__((naked, noinline, aligned(8), section(where))) static void name( \
            __attribute__((unused)) uint32_t n, __attribute__((unused)) volatile uint32_t *p) \
    { __asm__ volatile(body); }
#define LOOPS(prefix, where) \
    LOOP_FN(prefix##_subs, where, LOOP_BODY_SUBS) \
    LOOP_FN(prefix##_subs_split, where, "nop\n\tnop\n\tnop\n\t" LOOP_BODY_SUBS) \
    LOOP_FN(prefix##_ldr, where, LOOP_BODY_LDR) \
    LOOP_FN(prefix##_ldr2, where, LOOP_BODY_LDR2) \
    LOOP_FN(prefix##_mul, where, LOOP_BODY_MUL)

LOOPS(sram, ".ramfunc")
LOOPS(flash, ".text.loops")

static volatile uint32_t data_words[2] = {3, 5};

/* Cycles of one call: the same code path for every n, so the difference of two calls is the loop's. */
static __attribute__((noinline)) uint32_t timed(loop_fn loop, uint32_t n)
{
    uint32_t start = DWT_CYCCNT;
    loop(n, data_words);
    return DWT_CYCCNT - start;
}

static uint32_t per_1000(loop_fn loop)
{
    timed(loop, 1000); /* warm up: the same flash lines and prefetch state for both timed calls */
    uint32_t once = timed(loop, 1000);
    uint32_t twice = timed(loop, 2000);
    return twice - once;
}

static void report(const char *clock, const char *memory, const char *name, loop_fn loop)
{
    semihost_write0("CYCLES ");
    semihost_write0(clock);
    semihost_write0(" ");
    semihost_write0(memory);
    semihost_write0(" ");
    semihost_write0(name);
    semihost_write0(" ");
    semihost_write_decimal(per_1000(loop));
    semihost_write0("\n");
}

static void measure(const char *clock)
{
    report(clock, "sram", "subs-bne", sram_subs);
    report(clock, "sram", "subs-bne-split", sram_subs_split);
    report(clock, "sram", "ldr-subs-bne", sram_ldr);
    report(clock, "sram", "ldr-ldr-subs-bne", sram_ldr2);
    report(clock, "sram", "muls-subs-bne", sram_mul);
    report(clock, "flash", "subs-bne", flash_subs);
    report(clock, "flash", "subs-bne-split", flash_subs_split);
    report(clock, "flash", "ldr-subs-bne", flash_ldr);
    report(clock, "flash", "ldr-ldr-subs-bne", flash_ldr2);
    report(clock, "flash", "muls-subs-bne", flash_mul);
}

int main(void)
{
    DEMCR |= 1u << 24;      /* TRCENA */
    DWT_CYCCNT = 0;
    DWT_CTRL |= 1u;         /* CYCCNTENA */
    measure("8MHz-0WS");
    clock_setup_72mhz();
    measure("72MHz-2WS");
    return 0;
}
