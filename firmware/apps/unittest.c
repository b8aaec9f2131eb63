/*
 * unittest: the shape of a firmware unit test run with "blueflash sim run --until-exit": checks print
 * over semihosting, and main's return value becomes the SYS_EXIT status (here 1 failed check -> 1).
 */
#include <stdint.h>
#include "semihost.h"

static int failures;

static void check(int ok, const char *name)
{
    semihost_write0(ok ? "PASS " : "FAIL ");
    semihost_write0(name);
    semihost_write0("\n");
    failures += !ok;
}

static uint32_t gcd(uint32_t a, uint32_t b)
{
    while (b != 0) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int main(void)
{
    check(gcd(48, 18) == 6, "gcd(48, 18) == 6");
    check(gcd(17, 5) == 1, "gcd(17, 5) == 1");
    check(gcd(0, 9) == 0, "gcd(0, 9) == 0 (deliberately wrong: it is 9)");
    return failures;
}
