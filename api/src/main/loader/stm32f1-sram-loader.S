@ blueflash's SRAM flash loader for the STM32F1 (and its clones): two routines run on the
@ target's Cortex-M3 from SRAM, written from RM0008 §3.3 (FPEC: FLASH_SR BSY/PGERR/WRPRTERR,
@ FLASH_CR PG; main-flash programming sequence) and RM0008 §4 (CRC calculation unit).
@
@ Built into api/src/main/resources/io/blueflash/flash/stm32f1/stm32f1-sram-loader.bin by
@   arm-none-eabi-as -mthumb -o loader.o stm32f1-sram-loader.S
@   arm-none-eabi-objcopy -O binary loader.o stm32f1-sram-loader.bin
@ (Debian gcc-arm-none-eabi / binutils-arm-none-eabi); SramLoaderImageTest rebuilds it and
@ requires the same bytes. The code is position independent; the host loads it at the start of
@ SRAM and enters a routine at its first instruction with the core halted.
@
@ Both routines end on BKPT (the core halts: DHCSR.S_HALT, DFSR.BKPT) after writing their status
@ word (the CRC routine: its digest, as its last store). The host sets only PC (and xPSR.T): each
@ routine finds its control block right after its code (labels crc_control and control_block,
@ 16-byte aligned; the host's SramWorkArea puts them there) and reads its arguments and its SP
@ from it, so that starting a run costs the probe as few commands as possible.
@ The routines use the stack only to save registers; SP is the top of the host's work area, so that
@ a fault can stack its frame there.

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
        .equ    STATUS_DROPPED, 2        @ with DONE: half-words written while BSY were dropped
        .equ    ARG0, 24                 @ control block: four arguments and the SP
        .equ    ARG1, 28
        .equ    ARG2, 32
        .equ    ARG3, 36
        .equ    ARG_SP, 40
        .equ    MODE_PACED, 1            @ program: wait for BSY after every half-word
        .equ    MODE_CHECK, 2            @ program: read the first block back, pace if writes were dropped
        .equ    MODE_DROPPED, 0x10       @ program, set by the core: a write was dropped
        .equ    RCC_BASE, 0x40021000     @ RM0008 §7.3
        .equ    RCC_CR, 0x00
        .equ    RCC_CFGR, 0x04
        .equ    RCC_AHBENR, 0x14
        .equ    CR_PLLON, 0x01000000
        .equ    CR_PLLRDY, 0x02000000
        .equ    CFGR_SW, 0x03
        .equ    CFGR_SW_PLL, 0x02
        .equ    CFGR_SWS, 0x0C
        .equ    CFGR_SWS_PLL, 0x08
        .equ    CFGR_PLL_FIELDS, 0x003F0700  @ PLLMUL, PLLXTPRE, PLLSRC, PPRE1
        .equ    CFGR_PLL_64MHZ, 0x00380400   @ PLLMUL x16, PLLSRC HSI/2, PPRE1 /2
        .equ    FLASH_ACR, 0x40022000
        .equ    ACR_LATENCY, 0x07
        .equ    ACR_LATENCY_2, 0x02
        .equ    AHBENR_CRCEN, 0x40
        .equ    CRC_DR, 0x40023000
        .equ    CRC_CR, 0x08             @ offset from CRC_DR; bit 0 RESET

@ Layout: the CRC routine at offset 0 with its control block after it (crc_control), then the
@ programming routine (label program) with its control block after the image (control_block). Each
@ routine with its control block is one contiguous run of SRAM, so the host sends only the routine a
@ session runs: an unchanged image needs the CRC routine alone. The host's SramLoaderImage names the
@ offsets (CRC_ENTRY, CRC_CONTROL, PROGRAM_ENTRY; its test checks them against this file's symbols).

@ ---------------------------------------------------------------------------------------------
@ crc_pages: the CRC calculation unit's CRC-32 (polynomial 0x04C11DB7, initial value
@ 0xFFFFFFFF, 32-bit words most significant bit first, no final XOR) of each page of a list of
@ runs of consecutive pages (an image's pages are mostly one run: a few bytes for the host to send),
@ then the same CRC of those CRCs (the digest), written last to the control block's first word: the
@ host polls that word alone, and reads the CRCs only when the digest is not the one it expects.
@ control block (r0, crc_control): +0 the digest once done (the host writes 0), +24 array of runs (first page address,
@        page count), +28 number of runs, +32 bytes per page (a multiple of 32), +36 where the CRCs
@        go, in page order, +40 SP
@ Registers: r0 run list, r1 runs left, r2 page size, r3 CRC out, r4 pages left in the run,
@ r5 CRC_DR, r7 source, r8 end of the page, r9-r12 data. The CRC unit's clock (RCC_AHBENR.CRCEN)
@ is switched on and put back as it was.
@ Clock: when the core runs from HSI with the PLL off (as after a reset), SYSCLK becomes the PLL at
@ HSI/2 x 16 = 64 MHz for the run (RM0008 §7.2: PLLSRC HSI/2, PLLMUL x16; APB1 at most 36 MHz, so
@ PPRE1 /2; two flash wait states above 48 MHz, §3.3.3, set before the switch and put back after),
@ and goes back to HSI with the PLL off, RCC_CFGR and FLASH_ACR as found. Any other clock is left
@ alone.
crc_pages:
        adr     r0, crc_control
        ldr     sp, [r0, #ARG_SP]
        ldr     r3, =RCC_BASE
        ldr     r4, [r3, #RCC_AHBENR]
        orr     r5, r4, #AHBENR_CRCEN
        str     r5, [r3, #RCC_AHBENR]
        ldr     r6, [r3, #RCC_CFGR]
        ldr     r10, =FLASH_ACR
        ldr     r11, [r10]
        movs    r7, #0                  @ r12: 1 when the PLL was switched on here
        mov     r12, r7
        tst     r6, #CFGR_SWS
        bne     crc_clock_set
        ldr     r7, [r3, #RCC_CR]
        tst     r7, #CR_PLLON
        bne     crc_clock_set
        mov.w   r12, #1
        bic     r8, r11, #ACR_LATENCY
        orr     r8, r8, #ACR_LATENCY_2
        str     r8, [r10]
        ldr     r8, =CFGR_PLL_FIELDS
        bic     r8, r6, r8
        ldr     r9, =CFGR_PLL_64MHZ
        orr     r8, r8, r9
        str     r8, [r3, #RCC_CFGR]     @ PLL x16 from HSI/2, APB1 /2, SYSCLK still HSI
        orr     r7, r7, #CR_PLLON
        str     r7, [r3, #RCC_CR]
pll_lock:
        ldr     r7, [r3, #RCC_CR]
        tst     r7, #CR_PLLRDY
        beq     pll_lock
        orr     r8, r8, #CFGR_SW_PLL
        str     r8, [r3, #RCC_CFGR]
pll_switch:
        ldr     r8, [r3, #RCC_CFGR]
        and     r8, r8, #CFGR_SWS
        cmp     r8, #CFGR_SWS_PLL
        bne     pll_switch
crc_clock_set:
        push    {r0, r3, r4, r6, r11, r12}  @ control block, RCC, AHBENR, CFGR, FLASH_ACR, PLL switched on
        ldr     r1, [r0, #ARG1]
        ldr     r2, [r0, #ARG2]
        ldr     r3, [r0, #ARG3]
        ldr     r0, [r0, #ARG0]
        ldr     r5, =CRC_DR
crc_run:
        cbz     r1, crc_done
        ldmia   r0!, {r7}
        ldmia   r0!, {r4}
crc_page:
        cbz     r4, crc_next_run
        movs    r6, #1
        str     r6, [r5, #CRC_CR]       @ RESET: CRC_DR = 0xFFFFFFFF
        add     r8, r7, r2
crc_words:
        ldmia   r7!, {r9, r10, r11, r12}
        str     r9, [r5]
        str     r10, [r5]
        str     r11, [r5]
        str     r12, [r5]
        ldmia   r7!, {r9, r10, r11, r12}
        str     r9, [r5]
        str     r10, [r5]
        str     r11, [r5]
        str     r12, [r5]
        cmp     r7, r8
        bne     crc_words
        ldr     r9, [r5]
        str     r9, [r3], #4
        subs    r4, r4, #1
        b       crc_page
crc_next_run:
        subs    r1, r1, #1
        b       crc_run
crc_done:
        ldr     r7, [sp]                @ the control block
        ldr     r9, [r7, #ARG3]         @ the first CRC
        movs    r6, #1
        str     r6, [r5, #CRC_CR]
digest_words:
        cmp     r9, r3
        beq     digest_done
        ldr     r10, [r9], #4
        str     r10, [r5]
        b       digest_words
digest_done:
        ldr     r2, [r5]                @ the digest
        pop     {r0, r3, r4, r6, r11, r12}
        cmp     r12, #0
        beq     crc_clock_back
        ldr     r8, [r3, #RCC_CFGR]
        bic     r8, r8, #CFGR_SW
        str     r8, [r3, #RCC_CFGR]     @ SYSCLK back to HSI
hsi_switch:
        ldr     r8, [r3, #RCC_CFGR]
        tst     r8, #CFGR_SWS
        bne     hsi_switch
        ldr     r8, [r3, #RCC_CR]
        bic     r8, r8, #CR_PLLON
        str     r8, [r3, #RCC_CR]
        str     r6, [r3, #RCC_CFGR]     @ PLL fields and APB1 as found (the PLL is off)
        ldr     r10, =FLASH_ACR
        str     r11, [r10]              @ wait states as found, now that SYSCLK is 8 MHz
crc_clock_back:
        str     r4, [r3, #RCC_AHBENR]
        str     r2, [r0, #0]            @ the digest, last: the word the host polls
        bkpt    #0

        .ltorg
        .balign 16
@ The CRC routine's control block: 48 bytes as the programming routine's, then up to CRC_RUNS runs
@ (8 bytes each) that its run-list argument points to. The host writes it with the routine.
        .equ    CRC_RUNS, 8
crc_control:
        .space  48 + 8 * CRC_RUNS

@ ---------------------------------------------------------------------------------------------
@ program: writes half-words from two SRAM buffers the host fills in turn, so the host streams
@ the next block while the core programs this one.
@ control block (r0):    +0  status (host writes 0; 1 when done, 3 when done after dropped writes,
@                            0x80000000|FLASH_SR on an error, 0xC0000000|FLASH_SR when a half-word
@                            reads back other than written)
@                        +4  slot 0 flash address   +8  slot 0 byte count
@                        +12 slot 1 flash address   +16 slot 1 byte count
@                        +20 flash address of the half-word that failed
@                        +24 buffer of slot 0 (slot 1's follows it)   +28 bytes per buffer
@                        +32 FPEC register base of the bank (0x40022000, or +0x40 for XL bank 2)
@                        +36 mode (MODE_PACED, MODE_CHECK)            +40 SP
@        A slot is full when its count is not 0; the core sets it back to 0 once programmed.
@        A count of 0xFFFFFFFF ends the run.
@ The host has unlocked the FPEC and cleared its flags. Registers: r4 slot, r5 its control words,
@ r6 its buffer, r7 bytes left, r8 flash address, r9 source, r10 0xFFFF, r11 half-word, r12 FLASH_SR,
@ lr mode. Half-words of 0xFFFF are skipped: an erased cell already reads so.
@ Genuine parts (mode 0 or MODE_CHECK): the next half-word is written right after the last one, the
@ bus stalls the write until BSY clears (RM0008 §3.3.3, "any attempt to read or write the Flash
@ memory ... stalls"), so the core loses no time between two t_prog. PGERR and WRPRTERR show in
@ FLASH_SR at the write that caused them. With MODE_CHECK the first block is read back: a clone that
@ drops half-words written while BSY (APM32F103) leaves them erased; they are written again, one by
@ one, and the rest of the run is paced.
@ Clones (MODE_PACED): each half-word is written alone, BSY awaited and the half-word read back.
program:
        adr     r0, control_block
        ldr     sp, [r0, #ARG_SP]
        ldr     r1, [r0, #ARG0]
        ldr     r2, [r0, #ARG1]
        ldr     r3, [r0, #ARG2]
        ldr     lr, [r0, #ARG3]
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
        tst     lr, #MODE_PACED
        bne     paced
back_to_back:
        ldrh    r11, [r9], #2
        cmp     r11, r10
        beq     next_half_word
        strh    r11, [r8]               @ stalls while the previous half-word is BSY
        ldr     r12, [r3, #FLASH_SR]
        tst     r12, #SR_ERRORS
        bne     failed
next_half_word:
        add     r8, r8, #2
        subs    r7, r7, #2
        bhi     back_to_back
        sub     r8, r8, #2              @ the last half-word, should its end show an error
drain:
        ldr     r12, [r3, #FLASH_SR]
        tst     r12, #SR_BSY
        bne     drain
        tst     r12, #SR_ERRORS
        bne     failed
        tst     lr, #MODE_CHECK
        beq     block_done
        bic     lr, lr, #MODE_CHECK
        ldr     r8, [r5, #4]
        mov     r9, r6
        ldr     r7, [r5, #8]
check:
        ldrh    r11, [r9], #2
        ldrh    r12, [r8]
        cmp     r12, r11
        beq     checked
        cmp     r12, r10                @ still erased: the write was dropped
        bne     lost_here
        orr     lr, lr, #(MODE_PACED | MODE_DROPPED)
        strh    r11, [r8]
rewrite_busy:
        ldr     r12, [r3, #FLASH_SR]
        tst     r12, #SR_BSY
        bne     rewrite_busy
        tst     r12, #SR_ERRORS
        bne     failed
        ldrh    r12, [r8]
        cmp     r12, r11
        bne     lost_here
checked:
        add     r8, r8, #2
        subs    r7, r7, #2
        bhi     check
        b       block_done
paced:
        ldrh    r11, [r9], #2
        cmp     r11, r10
        beq     paced_next
        strh    r11, [r8]
paced_busy:
        ldr     r12, [r3, #FLASH_SR]
        tst     r12, #SR_BSY
        bne     paced_busy
        tst     r12, #SR_ERRORS
        bne     failed
        ldrh    r12, [r8]
        cmp     r12, r11
        bne     lost_here
paced_next:
        add     r8, r8, #2
        subs    r7, r7, #2
        bhi     paced
block_done:
        mov.w   r11, #0
        str     r11, [r5, #8]           @ slot free again
        eor     r4, r4, #1
        b       next_slot
lost_here:
        ldr     r12, [r3, #FLASH_SR]
        orr     r12, r12, #0x40000000
failed:
        orr     r12, r12, #0x80000000
        str     r12, [r0, #0]
        str     r8, [r0, #20]
        b       stop
finished:
        mov.w   r11, #STATUS_DONE
        tst     lr, #MODE_DROPPED
        it      ne
        orrne   r11, r11, #STATUS_DROPPED
        str     r11, [r0, #0]
stop:
        mov.w   r11, #0
        str     r11, [r3, #FLASH_CR]    @ PG off
        bkpt    #0

        .ltorg
        .balign 16
control_block:
