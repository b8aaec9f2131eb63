/**
 * Running firmware on the simulated STM32F103 without a debugger: program an image into its flash,
 * let it run for a simulated duration or until it exits through ARM semihosting, and report what it
 * did (console output, USART bytes, GPIO edges, faults). What {@code blueflash sim run} and the
 * firmware tests use.
 */
package io.blueflash.sim.run;
