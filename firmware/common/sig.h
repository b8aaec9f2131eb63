/*
 * The test signature: what a test program computed, as 32-bit words.
 *
 * On the target the words go to a fixed SRAM block (SIG_ADDRESS, below) and, one line per word,
 * to ARM semihosting (SYS_WRITE0); the program then ends with SYS_EXIT. Compiled for the host
 * (SIG_HOST) the same test code prints the same lines to stdout. A test runner compares the two:
 *
 *     SIG 00 1234abcd
 *     SIG 01 ...
 *     EXIT 0
 */
#ifndef SIG_H
#define SIG_H

#include <stdint.h>

/* struct signature sits here on every board script (linker section .signature). */
#define SIG_ADDRESS   0x20000000u
#define SIG_MAGIC     0x31474953u /* "SIG1" in memory order */
#define SIG_DONE      0x454E4F44u /* "DONE" */
#define SIG_MAX_WORDS 124u

struct signature {
    uint32_t magic;  /* SIG_MAGIC once the program started */
    uint32_t count;  /* words written so far */
    uint32_t done;   /* SIG_DONE once the program finished */
    uint32_t status; /* the exit status it finished with */
    uint32_t words[SIG_MAX_WORDS];
};

/* The test program's entry (each file in tests/ defines it); its signature words are the result. */
void test_main(void);

/* Appends one word to the signature. */
void sig_put(uint32_t word);

/* Prints a line of text (semihosting on the target, stdout on the host). */
void sig_print(const char *text);

/* Ends the program with the exit status (SYS_EXIT / SYS_EXIT_EXTENDED on the target). */
void sig_exit(int status) __attribute__((noreturn));

/* Hides a value from the optimiser so that -O2 cannot fold a test's arithmetic at compile time. */
static inline uint32_t opaque(uint32_t x)
{
    __asm__ volatile("" : "+r"(x));
    return x;
}

/* Folds a word into a running checksum (FNV-1a over the four bytes). */
static inline uint32_t mix(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h ^= (v >> (8 * i)) & 0xFFu;
        h *= 16777619u;
    }
    return h;
}

#define MIX_INIT 2166136261u

#endif
