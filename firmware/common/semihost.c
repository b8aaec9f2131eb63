#include "semihost.h"

void semihost_write0(const char *text)
{
    semihost(SYS_WRITE0, text);
}

void semihost_write_decimal(uint32_t value)
{
    char text[11];
    int at = (int) sizeof text - 1;
    text[at] = 0;
    do {
        text[--at] = (char) ('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    semihost_write0(&text[at]);
}

/* Status 0 is SYS_EXIT "application exit"; any other status needs SYS_EXIT_EXTENDED to carry it. */
void semihost_exit(int status)
{
    if (status == 0) {
        semihost(SYS_EXIT, (const void *) ADP_STOPPED_APPLICATION_EXIT);
    } else {
        uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t) status};
        semihost(SYS_EXIT_EXTENDED, block);
    }
    for (;;) {
        /* no semihosting host: stay here */
    }
}
