/*
 * Faults (ARMv7-M ARM B1.5.14-B1.5.16; PM0056 §4.4.7-§4.4.13): an undefined instruction (UsageFault,
 * CFSR.UNDEFINSTR), an interworking branch to an even address (INVSTATE), divide by zero with and
 * without CCR.DIV_0_TRP (DIVBYZERO), a load from an address no device answers (precise BusFault,
 * BFAR), and escalation to HardFault (HFSR.FORCED) when the fault is disabled in SHCSR or cannot
 * preempt the running handler. Each handler records what it saw, then resumes after the faulting
 * instruction. The expected trace is written from the architecture (see trace.h).
 */
#include <stdint.h>
#include "trace.h"

#define FAULT(ipsr, exc_return) EV(TAG_FAULT, ipsr, exc_return)
#define CFSR_UNDEF  0x00010000u
#define CFSR_INVST  0x00020000u
#define CFSR_DIV0   0x02000000u
#define CFSR_PRECISE_BFAR 0x00008200u
#define FORCED      0x40000000u

/* A fault handler records: FAULT(IPSR, EXC_RETURN), CFSR, HFSR, then a word of checks:
   bit 0 stacked PC = the faulting instruction, bit 1 BFAR = the address (when BFARVALID),
   bit 2 stacked xPSR.T. */
static const uint32_t expected[] = {
    EV(TAG_THREAD, 1, 0),
    FAULT(6, 0xF9), CFSR_UNDEF, 0, 0x5,              /* udf: UsageFault */
    EV(TAG_THREAD, 2, 0),
    FAULT(6, 0xF9), CFSR_INVST, 0, 0x1,              /* blx to an even address: INVSTATE, T = 0 stacked */
    EV(TAG_THREAD, 3, 0),
    EV(TAG_VALUE, 0, 0), 0,                          /* udiv by 0 without DIV_0_TRP gives 0 */
    FAULT(6, 0xF9), CFSR_DIV0, 0, 0x5,               /* sdiv by 0 with DIV_0_TRP */
    EV(TAG_THREAD, 4, 0),
    FAULT(5, 0xF9), CFSR_PRECISE_BFAR, 0, 0x7,       /* load from an unmapped address: BusFault */
    EV(TAG_THREAD, 5, 0),
    FAULT(3, 0xF9), CFSR_UNDEF, FORCED, 0x5,         /* UsageFault disabled: HardFault, FORCED */
    FAULT(3, 0xF9), CFSR_PRECISE_BFAR, FORCED, 0x7,  /* BusFault disabled: HardFault, FORCED */
    EV(TAG_THREAD, 6, 0),
    EV(TAG_ENTER, 16, 0xF9),                         /* IRQ0 at 0x40 runs udf; UsageFault is at 0x80 */
    FAULT(3, 0xF1), CFSR_UNDEF, FORCED, 0x5,         /* so it cannot preempt: HardFault */
    EV(TAG_EXIT, 16, 0),
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

extern const char udf_site[], udf_site2[], udf_site3[], sdiv_site[], load_site[], load_site2[];
extern const char even_target[];
extern const char __unmapped_address[];
static volatile uint32_t expected_pc;

static void record_fault(struct exception_frame *frame, uint32_t exc_return)
{
    uint32_t cfsr = SCB_CFSR;
    uint32_t hfsr = SCB_HFSR;
    trace(FAULT(get_ipsr(), exc_return & 0xFFu));
    trace(cfsr);
    trace(hfsr);
    uint32_t checks = (frame->pc == expected_pc ? 1u : 0u)
            | ((cfsr & CFSR_BFARVALID) && SCB_BFAR == (uint32_t) __unmapped_address ? 2u : 0u)
            | (frame->xpsr >> 24 & 1u) << 2;
    trace(checks);
    SCB_CFSR = cfsr; /* write-one-to-clear */
    SCB_HFSR = hfsr;
    if ((frame->xpsr & (1u << 24)) == 0) {
        /* INVSTATE: return to the caller of the even address, in Thumb state */
        frame->pc = frame->lr & ~1u;
        frame->xpsr |= 1u << 24;
    } else {
        frame->pc += thumb_length(frame->pc);
    }
}

FRAME_HANDLER(UsageFault_Handler, usage_fault_c)
void usage_fault_c(struct exception_frame *frame, uint32_t exc_return)
{
    record_fault(frame, exc_return);
}

FRAME_HANDLER(BusFault_Handler, bus_fault_c)
void bus_fault_c(struct exception_frame *frame, uint32_t exc_return)
{
    record_fault(frame, exc_return);
}

FRAME_HANDLER(HardFault_Handler, hard_fault_c)
void hard_fault_c(struct exception_frame *frame, uint32_t exc_return)
{
    record_fault(frame, exc_return);
}

FRAME_HANDLER(IRQ0_Handler, irq0_c)
void irq0_c(struct exception_frame *frame, uint32_t exc_return)
{
    (void) frame;
    trace(EV(TAG_ENTER, get_ipsr(), exc_return & 0xFFu));
    expected_pc = (uint32_t) udf_site3;
    __asm__ volatile(".global udf_site3\nudf_site3: udf #3" : : : "memory");
    trace(EV(TAG_EXIT, get_ipsr(), 0));
}

/* A Thumb function whose address is called with bit 0 clear. */
__asm__(".thumb_func\n.global even_target\neven_target: bx lr\n");

static uint32_t load(const volatile uint32_t *address)
{
    uint32_t value;
    __asm__ volatile(".global load_site\nload_site: ldr %0, [%1]" : "=r"(value) : "r"(address) : "memory");
    return value;
}

static uint32_t load2(const volatile uint32_t *address)
{
    uint32_t value;
    __asm__ volatile(".global load_site2\nload_site2: ldr %0, [%1]" : "=r"(value) : "r"(address) : "memory");
    return value;
}

void test_main(void)
{
    SCB_SHCSR |= SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA;

    trace(EV(TAG_THREAD, 1, 0));
    expected_pc = (uint32_t) udf_site;
    __asm__ volatile(".global udf_site\nudf_site: udf #1" : : : "memory");

    trace(EV(TAG_THREAD, 2, 0));
    expected_pc = (uint32_t) even_target & ~1u;
    void (*even)(void) = (void (*)(void)) opaque((uint32_t) even_target & ~1u);
    even();

    trace(EV(TAG_THREAD, 3, 0));
    uint32_t zero = opaque(0);
    uint32_t quotient;
    __asm__ volatile("udiv %0, %1, %2" : "=r"(quotient) : "r"(opaque(1234u)), "r"(zero));
    trace_value(quotient);
    SCB_CCR |= CCR_DIV_0_TRP;
    expected_pc = (uint32_t) sdiv_site;
    __asm__ volatile(".global sdiv_site\nsdiv_site: sdiv %0, %1, %2" : "=r"(quotient) : "r"(opaque(1234u)), "r"(zero));
    SCB_CCR &= ~CCR_DIV_0_TRP;

    trace(EV(TAG_THREAD, 4, 0));
    expected_pc = (uint32_t) load_site;
    (void) load((const volatile uint32_t *) __unmapped_address);

    trace(EV(TAG_THREAD, 5, 0));
    SCB_SHCSR &= ~(SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA);
    expected_pc = (uint32_t) udf_site2;
    __asm__ volatile(".global udf_site2\nudf_site2: udf #2" : : : "memory");
    expected_pc = (uint32_t) load_site2;
    (void) load2((const volatile uint32_t *) __unmapped_address);

    trace(EV(TAG_THREAD, 6, 0));
    SCB_SHCSR |= SHCSR_USGFAULTENA;
    SCB_SHPR(6) = 0x80u;
    NVIC_IPR(0) = 0x40u;
    NVIC_ISER(0) = 1u;
    NVIC_STIR = 0;
    barrier();
    trace(EV(TAG_THREAD, 7, 0));

    uint32_t n = trace_count < TRACE_MAX ? trace_count : TRACE_MAX;
    trace_publish((const uint32_t *) trace_words, n);
    (void) expected;
}

#endif
