/*
 * hello: prints a greeting over USART1 (PA9, 115200 8N1) and over semihosting, then exits with
 * status 0 through semihosting SYS_EXIT once the last byte has left the USART.
 */
#include "board.h"
#include "semihost.h"

int main(void)
{
    clock_setup_72mhz();
    usart1_init(115200u);
    usart1_write("hello from the Blue Pill over USART1\r\n");
    semihost_write0("hello from the Blue Pill over semihosting\n");
    usart1_flush();
    return 0;
}
