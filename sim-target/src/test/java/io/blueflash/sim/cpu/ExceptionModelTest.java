package io.blueflash.sim.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exception model on the simulated chip (ARMv7-M ARM B1.5; facts §3): small programs
 * assembled by GNU as, booted from SRAM, observed through what they store and through the
 * debugger's view of the registers after a BKPT halt.
 */
class ExceptionModelTest {

    private static final String SCS = "  ldr r7, =0xE000E000\n";

    @Test
    void givenSysTickEveryHundredCycles_whenTheCoreSleepsInWfi_thenHandlerEntriesAreExactlyOnePeriodApart() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(15, "systick")) + """
                reset:
                  ldr r0, =0xE000EDFC
                  mov r1, #0x01000000        @ DEMCR.TRCENA
                  str r1, [r0]
                  ldr r0, =0xE0001000
                  movs r1, #1                @ DWT_CTRL.CYCCNTENA
                  str r1, [r0]
                  movs r4, #0                @ entries counted in r4, CYCCNT of each in r8, r9
                """ + SCS + """
                  movs r1, #99
                  str r1, [r7, #0x14]        @ LOAD = 99: period 100 cycles
                  movs r1, #0
                  str r1, [r7, #0x18]        @ VAL = 0
                  movs r1, #7
                  str r1, [r7, #0x10]        @ CTRL = CLKSOURCE | TICKINT | ENABLE
                idle:
                  wfi
                  cmp r4, #3
                  bne idle
                  bkpt #1
                systick:
                  ldr r0, =0xE0001004
                  ldr r1, [r0]               @ CYCCNT at the handler's first load
                  adds r4, #1
                  cmp r4, #2
                  it eq
                  moveq r8, r1
                  cmp r4, #3
                  it eq
                  moveq r9, r1
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(4)).isEqualTo(3);
        assertThat(fw.r(9) - fw.r(8)).as("cycles between the 2nd and 3rd SysTick entry").isEqualTo(100);
    }

    @Test
    void givenTwoPendingIrqsOfEqualPriority_whenUnmasked_thenLowerNumberFirstAndTheSecondTailChainsOnTheSameFrame() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(16, "irq0", 17, "irq1")) + """
                reset:
                  cpsid i
                """ + SCS + """
                  movs r1, #3
                  str r1, [r7, #0x100]       @ ISER0: IRQ0, IRQ1
                  str r1, [r7, #0x200]       @ ISPR0: pend both
                  movs r5, #0
                  cpsie i
                  bkpt #1
                irq0:
                  lsls r5, r5, #4
                  adds r5, #1
                  mov r10, sp
                  mov r11, lr
                  bx lr
                irq1:
                  lsls r5, r5, #4
                  adds r5, #2
                  mov r8, sp
                  mov r6, lr
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(5)).as("IRQ0 then IRQ1").isEqualTo(0x12);
        assertThat(fw.r(8)).as("tail-chained handler sees the same stack frame").isEqualTo(fw.r(10));
        assertThat(fw.r(6)).isEqualTo(fw.r(11)).isEqualTo(0xFFFF_FFF9);
        assertThat(fw.r(13)).as("SP back after the return").isEqualTo(SramFirmware.STACK_TOP);
    }

    @Test
    void givenLowPriorityHandlerRunning_whenHigherPriorityIrqPended_thenItPreemptsWithHandlerExcReturn() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(16, "irq0", 17, "irq1", 18, "irq2")) + """
                reset:
                """ + SCS + """
                  movs r1, #7
                  str r1, [r7, #0x100]       @ ISER0: IRQ0..2
                  ldr r1, =0x0040C080        @ IPR: IRQ0 0x80, IRQ1 0xC0 (lower), IRQ2 0x40 (higher)
                  ldr r0, =0xE000E400
                  str r1, [r0]
                  movs r5, #0
                  movs r1, #1
                  str r1, [r7, #0x200]       @ pend IRQ0
                  bkpt #1
                irq0:
                  lsls r5, r5, #4
                  adds r5, #1
                  movs r1, #6
                  str r1, [r7, #0x200]       @ pend IRQ1 (lower: waits) and IRQ2 (higher: preempts now)
                  lsls r5, r5, #4
                  adds r5, #3
                  bx lr
                irq1:
                  lsls r5, r5, #4
                  adds r5, #4
                  bx lr
                irq2:
                  lsls r5, r5, #4
                  adds r5, #2
                  mov r11, lr
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(5)).as("IRQ0 starts, IRQ2 preempts, IRQ0 ends, IRQ1 tail-chains").isEqualTo(0x1234);
        assertThat(fw.r(11)).as("nested handler returns to Handler mode").isEqualTo(0xFFFF_FFF1);
    }

    @Test
    void givenPrigroupWithoutGroupBits_whenHigherSubpriorityPended_thenNoPreemption() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(16, "irq0", 17, "irq1")) + """
                reset:
                """ + SCS + """
                  ldr r1, =0x05FA0700        @ AIRCR: PRIGROUP 7, every priority bit is subpriority
                  ldr r0, =0xE000ED0C
                  str r1, [r0]
                  movs r1, #3
                  str r1, [r7, #0x100]
                  ldr r1, =0x00000080        @ IRQ0 0x80, IRQ1 0x00
                  ldr r0, =0xE000E400
                  str r1, [r0]
                  movs r5, #0
                  movs r1, #1
                  str r1, [r7, #0x200]
                  bkpt #1
                irq0:
                  lsls r5, r5, #4
                  adds r5, #1
                  movs r1, #2
                  str r1, [r7, #0x200]       @ IRQ1: higher subpriority, same group: must wait
                  lsls r5, r5, #4
                  adds r5, #3
                  bx lr
                irq1:
                  lsls r5, r5, #4
                  adds r5, #2
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(5)).isEqualTo(0x132);
    }

    @Test
    void givenStkalignAndAnSpEndingIn4_whenInterrupted_thenFrameIsPaddedAndSpRestored() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(14, "pendsv")) + """
                reset:
                  ldr r0, =0xE000ED14
                  ldr r1, [r0]
                  mov r9, r1                 @ CCR at reset (r1p1 part: STKALIGN clear)
                  mov r1, #0x200
                  str r1, [r0]               @ CCR.STKALIGN
                  sub sp, #4                 @ SP = top - 4: not 8-byte aligned
                  mov r10, sp
                  ldr r0, =0xE000ED04
                  mov r1, #0x10000000        @ ICSR.PENDSVSET
                  str r1, [r0]
                  nop
                  mov r11, sp
                  bkpt #1
                pendsv:
                  mov r8, sp
                  ldr r6, [sp, #28]          @ stacked xPSR
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(9)).as("CCR reset on an r1p1 STM32F103").isZero();
        assertThat(fw.r(8)).as("frame at SP - 36, 8-byte aligned").isEqualTo(fw.r(10) - 36);
        assertThat(fw.r(8) & 7).isZero();
        assertThat(fw.r(6) & 1 << 9).as("stacked xPSR bit 9 marks the pad").isNotZero();
        assertThat(fw.r(11)).isEqualTo(fw.r(10));
    }

    @Test
    void givenR2p1Clone_whenReset_thenCcrHasStkalign() {
        SramFirmware fw = SramFirmware.boot("cks32f103c8", SramFirmware.vectors(Map.of()) + """
                reset:
                  ldr r0, =0xE000ED14
                  ldr r9, [r0]
                  bkpt #1
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(9)).isEqualTo(0x200);
    }

    @Test
    void givenSvc_whenExecuted_thenSvcallHandlerRunsAndReturnsAfterTheSvc() {
        SramFirmware fw = SramFirmware.boot(SramFirmware.vectors(Map.of(11, "svcall")) + """
                reset:
                  movs r5, #0
                  svc #7
                  adds r5, #1
                  bkpt #1
                svcall:
                  ldr r0, [sp, #24]          @ stacked return address
                  ldrb r1, [r0, #-2]         @ the SVC's immediate
                  mov r9, r1
                  mrs r10, ipsr
                  adds r5, #0x10
                  bx lr
                """ + SramFirmware.DEFAULT_HANDLER);

        fw.runToHalt(10);

        assertThat(fw.r(9)).isEqualTo(7);
        assertThat(fw.r(10)).isEqualTo(11);
        assertThat(fw.r(5)).isEqualTo(0x11);
    }
}
