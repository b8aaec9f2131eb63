/*
 * An event trace for the exception programs: each handler and checkpoint appends one word; the trace
 * becomes the signature. The expected trace is written down in each program from the rules of the
 * ARMv7-M ARM (B1.5) and PM0056, and the host build (SIG_HOST) prints it as the expected signature;
 * QEMU's Cortex-M3 is the second referee that checks those expectations.
 */
#ifndef TRACE_H
#define TRACE_H

#include <stdint.h>
#include "sig.h"

/* An event: tag, then two fields (e.g. exception number and EXC_RETURN's low byte). */
#define EV(tag, a, b) ((uint32_t) (tag) << 24 | (uint32_t) (a) << 8 | (uint32_t) (b))

enum {
    TAG_THREAD = 0x01,  /* checkpoint in Thread mode: number */
    TAG_ENTER = 0x02,   /* handler entered: IPSR, EXC_RETURN[7:0] */
    TAG_EXIT = 0x03,    /* handler about to return: IPSR */
    TAG_VALUE = 0x04,   /* the next word is a register value */
    TAG_SVC = 0x05,     /* SVC handler: immediate, EXC_RETURN[7:0] */
    TAG_FAULT = 0x06,   /* fault handler: IPSR, EXC_RETURN[7:0]; then CFSR, HFSR, checks */
};

#define TRACE_MAX 120u

extern volatile uint32_t trace_words[TRACE_MAX];
extern volatile uint32_t trace_count;

static inline void trace(uint32_t word)
{
    uint32_t n = trace_count;
    if (n < TRACE_MAX) {
        trace_words[n] = word;
    }
    trace_count = n + 1;
}

static inline void trace_value(uint32_t value)
{
    trace(EV(TAG_VALUE, 0, 0));
    trace(value);
}

/* Puts the trace into the signature (target) or the expected trace (host). */
static inline void trace_publish(const uint32_t *words, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        sig_put(words[i]);
    }
}

/* Declares a handler that passes its exception frame and EXC_RETURN to a C function. */
#define FRAME_HANDLER(name, c_function) \
    void c_function(struct exception_frame *frame, uint32_t exc_return); \
    __attribute__((naked)) void name(void) \
    { \
        __asm__ volatile("tst lr, #4\n\t" \
                         "ite eq\n\t" \
                         "mrseq r0, msp\n\t" \
                         "mrsne r0, psp\n\t" \
                         "mov r1, lr\n\t" \
                         "b " #c_function "\n\t"); \
    }

#endif
