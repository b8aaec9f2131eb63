/*
 * debugme: a program for debugger tests (built -O0 -g): main calls a function with a local, updates
 * a global that a watchpoint can follow, and loops forever.
 */
#include <stdint.h>

volatile uint32_t watched_counter;

uint32_t square_plus(uint32_t value, uint32_t extra)
{
    uint32_t squared = value * value;
    return squared + extra;
}

int main(void)
{
    uint32_t local_total = 5;
    for (;;) {
        local_total = square_plus(local_total % 7u, 3u);
        watched_counter = watched_counter + 1u;
        local_total += watched_counter;
    }
}
