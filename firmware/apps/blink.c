/*
 * blink: the Blue Pill's LED on PC13 toggles every 100 ms, timed by SysTick at 72 MHz (HSE x 9).
 * Runs forever: "blueflash sim run --for 1s" shows ten edges.
 */
#include "board.h"

int main(void)
{
    clock_setup_72mhz();
    systick_start_1khz();
    led_init();
    for (;;) {
        led_toggle();
        delay_ms(100);
    }
}
