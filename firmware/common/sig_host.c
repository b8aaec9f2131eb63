/* The signature on the host: the same lines on stdout, so a test can compare them with the target's. */
#include <stdio.h>
#include <stdlib.h>
#include "sig.h"

static unsigned count;

void sig_put(uint32_t word)
{
    printf("SIG %02u %08x\n", count++ % 100u, (unsigned) word);
}

void sig_print(const char *text)
{
    fputs(text, stdout);
}

void sig_exit(int status)
{
    printf("EXIT %08x\n", (unsigned) status);
    fflush(stdout);
    exit(status);
}

int main(void)
{
    test_main();
    sig_exit(0);
}
