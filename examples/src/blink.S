/*
 * blink: the smallest useful STM32F103 ("Blue Pill") firmware. Toggles the LED on PC13 with a
 * busy-wait loop. Built with GNU binutils only (no C compiler, no libraries), see build.sh;
 * the built blink.bin / blink.hex / blink.elf are committed so nothing here is needed to use them.
 */
    .syntax unified
    .cpu cortex-m3
    .thumb

    .equ RCC_APB2ENR, 0x40021018    /* RM0008 7.3.7: bit 4 IOPCEN clocks GPIO port C */
    .equ GPIOC_CRH,   0x40011004    /* RM0008 9.2.2: PC13 mode/config in bits 23:20  */
    .equ GPIOC_ODR,   0x4001100C    /* RM0008 9.2.4: output data register            */

    .section .isr_vector, "a"
    .word 0x20005000                /* initial SP: top of the 20 KB SRAM              */
    .word reset_handler             /* reset vector (Thumb bit set by .thumb_func)    */
    .word default_handler           /* NMI                                            */
    .word default_handler           /* HardFault                                      */
    .word default_handler           /* MemManage                                      */
    .word default_handler           /* BusFault                                       */
    .word default_handler           /* UsageFault                                     */

    .text
    .thumb_func
    .global reset_handler
reset_handler:
    ldr   r0, =RCC_APB2ENR
    ldr   r1, [r0]
    orr   r1, r1, #(1 << 4)
    str   r1, [r0]
    ldr   r0, =GPIOC_CRH
    ldr   r1, [r0]
    bic   r1, r1, #(0xF << 20)
    orr   r1, r1, #(0x2 << 20)      /* output push-pull, 2 MHz                        */
    str   r1, [r0]
    ldr   r2, =GPIOC_ODR
toggle:
    ldr   r1, [r2]
    eor   r1, r1, #(1 << 13)
    str   r1, [r2]
    ldr   r3, =400000               /* about 0.1 s at the 8 MHz HSI reset clock        */
delay:
    subs  r3, r3, #1
    bne   delay
    b     toggle

    .thumb_func
default_handler:
    b     default_handler

    .pool
