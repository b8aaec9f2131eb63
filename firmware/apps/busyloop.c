/*
 * busyloop: switches to 72 MHz and computes forever (a CRC-32 over a 1 KB buffer, again and again):
 * loads, ALU, shifts, conditional branches, calls. What the interpreter-speed benchmark runs.
 */
#include <stdint.h>
#include "board.h"

static uint8_t buffer[1024];
volatile uint32_t last_crc;

static uint32_t crc32(const uint8_t *data, uint32_t n, uint32_t crc)
{
    for (uint32_t i = 0; i < n; i++) {
        crc ^= data[i];
        for (int k = 0; k < 8; k++) {
            crc = crc & 1u ? crc >> 1 ^ 0xEDB88320u : crc >> 1;
        }
    }
    return crc;
}

int main(void)
{
    clock_setup_72mhz();
    for (uint32_t i = 0; i < sizeof buffer; i++) {
        buffer[i] = (uint8_t) (i * 7u + 1u);
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (;;) {
        crc = crc32(buffer, sizeof buffer, crc);
        last_crc = crc;
    }
}
