/*
 * gdbtest: the program of the gdb-server session test (built -O0 -g). It prints over semihosting
 * with the C library's printf (newlib's rdimon: SYS_OPEN ":tt", SYS_WRITE), then loops calling a
 * function with a local and a return value (step, finish, print), updating a global a watchpoint
 * follows, and calling a function that runs from SRAM (a software breakpoint there is a BKPT the
 * server writes into RAM).
 */
#include <stdint.h>
#include <stdio.h>

extern void initialise_monitor_handles(void);

volatile uint32_t watched_counter;

uint32_t square_plus(uint32_t value, uint32_t extra)
{
    uint32_t squared = value * value;
    return squared + extra;
}

__attribute__((long_call, noinline, section(".ramfunc"))) uint32_t ram_twice(uint32_t value)
{
    return value * 2u;
}

int main(void)
{
    initialise_monitor_handles();
    printf("hello from the Blue Pill: %d + %d = %d\n", 2, 3, 2 + 3);
    uint32_t local_total = 5;
    for (;;) {
        local_total = square_plus(local_total % 7u, 3u);
        watched_counter = watched_counter + 1u;
        local_total += ram_twice(watched_counter);
    }
}
