@ blueflash's SRAM flash loader for the STM32F1 (and its clones): two routines run on the
@ target's Cortex-M3 from SRAM, written from RM0008 §3.3 (FPEC: FLASH_SR BSY/PGERR/WRPRTERR,
@ FLASH_CR PG; main-flash programming sequence) and RM0008 §4 (CRC calculation unit).
@
@ Built into api/src/main/resources/io/blueflash/flash/stm32f1/stm32f1-sram-loader.bin by
@   arm-none-eabi-as -mthumb -o loader.o stm32f1-sram-loader.S
@   arm-none-eabi-objcopy -O binary loader.o stm32f1-sram-loader.bin
@ (Debian gcc-arm-none-eabi / binutils-arm-none-eabi); SramLoaderImageTest rebuilds it and
@ requires the same bytes. The code is position independent; the host loads it at the start of
@ SRAM and enters it at one of the two entry points below with the core halted.
@
@ Both routines end on BKPT (the core halts: DHCSR.S_HALT, DFSR.BKPT). They use no stack, but
@ the host sets SP to the top of its work area so that a fault can stack its frame.

        .syntax unified
        .cpu    cortex-m3
        .thumb
        .text

        .equ    FLASH_SR, 0x0C
        .equ    FLASH_CR, 0x10
        .equ    SR_BSY, 0x01
        .equ    SR_ERRORS, 0x14          @ PGERR | WRPRTERR
        .equ    CR_PG, 0x01
        .equ    STATUS_DONE, 1
        .equ    RCC_AHBENR, 0x40021014
        .equ    AHBENR_CRCEN, 0x40
        .equ    CRC_DR, 0x40023000
        .equ    CRC_CR, 0x08             @ offset from CRC_DR; bit 0 RESET

@ Entry points: offset 0 programs, offset 4 computes page CRCs.
entry_program:
        b.w     program
entry_crc:
        b.w     crc_pages

@ ---------------------------------------------------------------------------------------------
@ program: writes half-words from two SRAM buffers the host fills in turn, so the host streams
@ the next block while the core programs this one.
@   r0 = control block:  +0  status (host writes 0; 1 when done, 0x80000000|FLASH_SR on an error,
@                            0xC0000000|FLASH_SR when a half-word reads back other than written)
@                        +4  slot 0 flash address   +8  slot 0 byte count
@                        +12 slot 1 flash address   +16 slot 1 byte count
@                        +20 flash address of the half-word that failed
@        A slot is full when its count is not 0; the core sets it back to 0 once programmed.
@        A count of 0xFFFFFFFF ends the run.
@   r1 = buffer of slot 0, r2 = bytes per buffer (buffer of slot 1 = r1 + r2); r6 is scratch
@        once the block's source pointer r9 is set
@   r3 = FPEC register base of the bank being written (0x40022000, or +0x40 for XL bank 2)
@ The host has unlocked the FPEC and cleared its flags. Each half-word is written alone and BSY
@ is awaited before the next (RM0008 §3.3.3): clones that lose a half-word written while BSY
@ (APM32F103) need that, and genuine parts cost nothing more. Right after the write the core reads
@ the half-word: on genuine parts a flash read stalls until the FPEC is done, so the BSY loop
@ below usually finds BSY clear at once; once BSY is clear the half-word is read again and must
@ hold what was written. Half-words of 0xFFFF are skipped: an erased cell already reads so.
program:
        movs    r4, #0                  @ slot
        movw    r10, #0xFFFF
        mov.w   r11, #CR_PG
        str     r11, [r3, #FLASH_CR]
next_slot:
        mla     r6, r4, r2, r1          @ this slot's buffer
        add     r5, r0, r4, lsl #3      @ its address at [r5, #4], its count at [r5, #8]
wait_slot:
        ldr     r7, [r5, #8]
        cmp     r7, #0
        beq     wait_slot
        adds    r11, r7, #1             @ 0xFFFFFFFF: the host has no more blocks
        beq     finished
        ldr     r8, [r5, #4]
        mov     r9, r6
half_word:
        ldrh    r11, [r9], #2
        cmp     r11, r10
        beq     skip
        strh    r11, [r8]
        ldrh    r6, [r8]                @ stalls while BSY on genuine parts
busy:
        ldr     r12, [r3, #FLASH_SR]
        tst     r12, #SR_BSY
        bne     busy
        tst     r12, #SR_ERRORS
        bne     failed
        ldrh    r6, [r8]
        cmp     r6, r11
        bne     lost
skip:
        add     r8, r8, #2
        subs    r7, r7, #2
        bhi     half_word
        mov.w   r11, #0
        str     r11, [r5, #8]           @ slot free again
        eor     r4, r4, #1
        b       next_slot
lost:
        orr     r12, r12, #0x40000000
failed:
        orr     r12, r12, #0x80000000
        str     r12, [r0, #0]
        str     r8, [r0, #20]
        b       stop
finished:
        mov.w   r11, #STATUS_DONE
        str     r11, [r0, #0]
stop:
        mov.w   r11, #0
        str     r11, [r3, #FLASH_CR]    @ PG off
        bkpt    #0

@ ---------------------------------------------------------------------------------------------
@ crc_pages: the CRC calculation unit's CRC-32 (polynomial 0x04C11DB7, initial value
@ 0xFFFFFFFF, 32-bit words most significant bit first, no final XOR) of each listed page.
@   r0 = array of page addresses, each replaced by its page's CRC
@   r1 = number of pages, r2 = bytes per page (a multiple of 16)
@ The CRC unit's clock (RCC_AHBENR.CRCEN) is switched on and put back as it was.
crc_pages:
        ldr     r3, =RCC_AHBENR
        ldr     r4, [r3]
        orr     r5, r4, #AHBENR_CRCEN
        str     r5, [r3]
        ldr     r5, =CRC_DR
        movs    r6, #1
crc_page:
        cbz     r1, crc_done
        str     r6, [r5, #CRC_CR]       @ RESET: CRC_DR = 0xFFFFFFFF
        ldr     r7, [r0]
        add     r8, r7, r2
crc_words:
        ldmia   r7!, {r9, r10, r11, r12}
        str     r9, [r5]
        str     r10, [r5]
        str     r11, [r5]
        str     r12, [r5]
        cmp     r7, r8
        bne     crc_words
        ldr     r9, [r5]
        str     r9, [r0], #4
        subs    r1, r1, #1
        b       crc_page
crc_done:
        str     r4, [r3]
        bkpt    #0

        .ltorg
