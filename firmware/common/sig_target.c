/* The signature on the target: a fixed SRAM block plus one semihosting line per word. */
#include "sig.h"
#include "semihost.h"

__attribute__((section(".signature"), used)) volatile struct signature signature;

static void hex8(char *out, uint32_t v)
{
    for (int i = 7; i >= 0; i--) {
        out[i] = "0123456789abcdef"[v & 0xFu];
        v >>= 4;
    }
}

void sig_start(void)
{
    signature.count = 0;
    signature.done = 0;
    signature.status = 0;
    signature.magic = SIG_MAGIC;
}

void sig_put(uint32_t word)
{
    uint32_t n = signature.count;
    if (n < SIG_MAX_WORDS) {
        signature.words[n] = word;
    }
    signature.count = n + 1;
    char line[] = "SIG nn xxxxxxxx\n";
    line[4] = (char) ('0' + n / 10 % 10);
    line[5] = (char) ('0' + n % 10);
    hex8(line + 7, word);
    semihost_write0(line);
}

void sig_print(const char *text)
{
    semihost_write0(text);
}

void sig_exit(int status)
{
    char line[] = "EXIT xxxxxxxx\n";
    hex8(line + 5, (uint32_t) status);
    semihost_write0(line);
    signature.status = (uint32_t) status;
    signature.done = SIG_DONE;
    semihost_exit(status);
}
