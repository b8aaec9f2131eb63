/*
 * The exception model (ARMv7-M ARM B1.5, PM0056 §2.3 and §4): SVC with its immediate and return
 * value, PendSV pended from a handler and tail-chained, NVIC priorities and preemption with IRQs
 * pended in software through ISPR and STIR, PRIMASK and BASEPRI masking, IABR, equal priorities
 * taken in exception-number order, SysTick interrupts with COUNTFLAG, and an SVC from Thread mode on
 * the process stack (EXC_RETURN 0xFFFFFFFD). Priorities use only bits [7:5], which every Cortex-M3
 * implements (the STM32F103 has four bits, QEMU eight).
 */
#include <stdint.h>
#include "trace.h"

#define PRIO_SVC     0x40u
#define PRIO_SYSTICK 0x80u
#define PRIO_PENDSV  0xE0u

static const uint32_t expected[] = {
    EV(TAG_THREAD, 1, 0),
    /* svc #3 with r0 = 100: the handler sees the immediate, IPSR 11, EXC_RETURN 0xFFFFFFF9 (Thread, MSP) */
    EV(TAG_SVC, 3, 0xF9), EV(TAG_ENTER, 11, 0xF9),
    EV(TAG_VALUE, 0, 0), 103,
    /* svc #7 pends PendSV (lower priority): it runs after the SVC handler returns, tail-chained */
    EV(TAG_SVC, 7, 0xF9), EV(TAG_ENTER, 11, 0xF9),
    EV(TAG_VALUE, 0, 0), 1,            /* ICSR.PENDSVSET reads 1 while pending */
    EV(TAG_EXIT, 11, 0),
    EV(TAG_ENTER, 14, 0xF9), EV(TAG_EXIT, 14, 0),
    EV(TAG_VALUE, 0, 0), 107,
    /* PRIMASK holds IRQ0 and IRQ3 (both 0xC0) pending */
    EV(TAG_THREAD, 2, 0),
    EV(TAG_VALUE, 0, 0), 0x9,          /* ISPR0[3:0] */
    EV(TAG_VALUE, 0, 0), 1,            /* ICSR.ISRPENDING */
    /* cpsie i: IRQ0 first (equal priority, lower number) */
    EV(TAG_ENTER, 16, 0xF9),
    /* STIR pends IRQ2 (0x40): preempts IRQ0 at once, nested EXC_RETURN 0xFFFFFFF1 */
    EV(TAG_ENTER, 18, 0xF1),
    EV(TAG_VALUE, 0, 0), 0x5,          /* IABR0: IRQ0 and IRQ2 active */
    EV(TAG_EXIT, 18, 0),
    /* ISPR pends IRQ1 (0x80): preempts IRQ0 (0xC0) */
    EV(TAG_ENTER, 17, 0xF1), EV(TAG_EXIT, 17, 0),
    EV(TAG_EXIT, 16, 0),
    /* IRQ3 (0xC0) waited for IRQ0 to finish and is tail-chained */
    EV(TAG_ENTER, 19, 0xF9), EV(TAG_EXIT, 19, 0),
    EV(TAG_THREAD, 3, 0),
    /* BASEPRI 0x80 lets IRQ2 (0x40) in and holds IRQ1 (0x80) */
    EV(TAG_ENTER, 18, 0xF9),
    EV(TAG_VALUE, 0, 0), 0x4,          /* IABR0: IRQ2 */
    EV(TAG_EXIT, 18, 0),
    EV(TAG_THREAD, 4, 0),
    EV(TAG_VALUE, 0, 0), 0x2,          /* ISPR0[3:0]: IRQ1 still pending */
    EV(TAG_ENTER, 17, 0xF9), EV(TAG_EXIT, 17, 0),
    EV(TAG_THREAD, 5, 0),
    /* SysTick: five interrupts; the third pends PendSV, which runs between the third and fourth */
    EV(TAG_ENTER, 15, 0xF9), EV(TAG_ENTER, 15, 0xF9), EV(TAG_ENTER, 15, 0xF9),
    EV(TAG_ENTER, 14, 0xF9), EV(TAG_EXIT, 14, 0),
    EV(TAG_ENTER, 15, 0xF9), EV(TAG_ENTER, 15, 0xF9),
    EV(TAG_VALUE, 0, 0), 0x1,          /* COUNTFLAG: 1 on the first read of SYST_CSR, 0 on the second */
    EV(TAG_THREAD, 6, 0),
    /* Thread mode on the process stack: svc #9 returns with EXC_RETURN 0xFFFFFFFD */
    EV(TAG_SVC, 9, 0xFD), EV(TAG_ENTER, 11, 0xFD),
    EV(TAG_VALUE, 0, 0), 59,
    EV(TAG_VALUE, 0, 0), 0,            /* CONTROL back to 0 */
    EV(TAG_THREAD, 7, 0),
};

#ifdef SIG_HOST

void test_main(void)
{
    trace_publish(expected, sizeof expected / sizeof expected[0]);
}

#else

#include "cm3.h"

volatile uint32_t trace_words[TRACE_MAX];
volatile uint32_t trace_count;
static volatile uint32_t systicks;

#define SVC(n, arg) __extension__({ \
        register uint32_t r0 __asm__("r0") = (arg); \
        __asm__ volatile("svc %1" : "+r"(r0) : "i"(n) : "memory"); \
        r0; })

FRAME_HANDLER(SVC_Handler, svc_c)
void svc_c(struct exception_frame *frame, uint32_t exc_return)
{
    uint32_t imm = *(const volatile uint16_t *) (frame->pc - 2u) & 0xFFu;
    trace(EV(TAG_SVC, imm, exc_return & 0xFFu));
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    frame->r0 += imm;
    if (imm == 7u) {
        SCB_ICSR = ICSR_PENDSVSET;
        barrier();
        trace_value(SCB_ICSR >> 28 & 1u);
        trace(EV(TAG_EXIT, get_ipsr(), 0));
    }
}

FRAME_HANDLER(PendSV_Handler, pendsv_c)
void pendsv_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    trace(EV(TAG_EXIT, get_ipsr(), 0));
}

FRAME_HANDLER(SysTick_Handler, systick_c)
void systick_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    uint32_t n = ++systicks;
    if (n <= 5u) {
        trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    }
    if (n == 3u) {
        SCB_ICSR = ICSR_PENDSVSET;
    }
}

FRAME_HANDLER(IRQ0_Handler, irq0_c)
void irq0_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    NVIC_STIR = 2u;
    barrier();
    NVIC_ISPR(0) = 1u << 1;
    barrier();
    trace(EV(TAG_EXIT, get_ipsr(), 0));
}

FRAME_HANDLER(IRQ1_Handler, irq1_c)
void irq1_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    trace(EV(TAG_EXIT, get_ipsr(), 0));
}

FRAME_HANDLER(IRQ2_Handler, irq2_c)
void irq2_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    trace_value(NVIC_IABR(0) & 0xFu);
    trace(EV(TAG_EXIT, get_ipsr(), 0));
}

FRAME_HANDLER(IRQ3_Handler, irq3_c)
void irq3_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    trace(EV(TAG_EXIT, get_ipsr(), 0));
}

static uint32_t process_stack[64] __attribute__((aligned(8)));

/* svc #9 from Thread mode on the process stack; plain assembly, since the stack pointer changes. */
__attribute__((naked)) static uint32_t svc_on_process_stack(__attribute__((unused)) uint32_t *stack_top)
{
    __asm__ volatile("msr psp, r0\n\t"
                     "movs r1, #2\n\t"
                     "msr control, r1\n\t"
                     "isb\n\t"
                     "movs r0, #50\n\t"
                     "svc #9\n\t"
                     "movs r1, #0\n\t"
                     "msr control, r1\n\t"
                     "isb\n\t"
                     "bx lr\n\t");
}

static void priorities(void)
{
    SCB_SHPR(11) = PRIO_SVC;
    SCB_SHPR(14) = PRIO_PENDSV;
    SCB_SHPR(15) = PRIO_SYSTICK;
    NVIC_IPR(0) = 0xC0u;
    NVIC_IPR(1) = 0x80u;
    NVIC_IPR(2) = 0x40u;
    NVIC_IPR(3) = 0xC0u;
    NVIC_ISER(0) = 0xFu;
}

/* How many priority bits the NVIC implements (PM0056 §4.3.7: the STM32F103 has 4). Not part of the
   signature, which must hold on every Cortex-M3; printed for the simulator's own test. */
static void note_priority_bits(void)
{
    NVIC_IPR(4) = 0xFFu;
    uint32_t implemented = NVIC_IPR(4);
    NVIC_IPR(4) = 0;
    uint32_t bits = 0;
    for (uint32_t v = implemented; v & 0x80u; v <<= 1) {
        bits++;
    }
    char line[] = "NOTE priority-bits n\n";
    line[19] = (char) ('0' + bits);
    sig_print(line);
}

void test_main(void)
{
    note_priority_bits();
    priorities();

    trace(EV(TAG_THREAD, 1, 0));
    trace_value(SVC(3, 100u));
    trace_value(SVC(7, 100u));

    trace(EV(TAG_THREAD, 2, 0));
    irq_disable();
    NVIC_ISPR(0) = 1u << 0 | 1u << 3;
    barrier();
    trace_value(NVIC_ISPR(0) & 0xFu);
    trace_value(SCB_ICSR >> 22 & 1u);
    irq_enable();
    barrier();
    trace(EV(TAG_THREAD, 3, 0));

    set_basepri(0x80u);
    NVIC_ISPR(0) = 1u << 1 | 1u << 2;
    barrier();
    trace(EV(TAG_THREAD, 4, 0));
    trace_value(NVIC_ISPR(0) & 0xFu);
    set_basepri(0);
    barrier();
    trace(EV(TAG_THREAD, 5, 0));

    SYST_RVR = 99999u; /* 100 000 cycles: long enough that a handler never meets the next tick */
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
    while (systicks < 5u) {
        __asm__ volatile("wfi");
    }
    uint32_t first = SYST_CSR;
    uint32_t second = SYST_CSR;
    SYST_CSR = 0;
    trace_value((first >> 16 & 1u) | (second >> 16 & 1u) << 1);
    trace(EV(TAG_THREAD, 6, 0));

    trace_value(svc_on_process_stack(process_stack + 64));
    trace_value(get_control());
    trace(EV(TAG_THREAD, 7, 0));

    uint32_t n = trace_count < TRACE_MAX ? trace_count : TRACE_MAX;
    trace_publish((const uint32_t *) trace_words, n);
    (void) expected;
}

#endif
