/*
 * workload: a mixed integer workload of the kind CPU benchmarks for microcontrollers use (linked-list
 * search and reversal, a small matrix product, a character-classifying state machine, a CRC over the
 * results), written for this project, timed with the DWT cycle counter (ARMv7-M ARM C1.8.6, CYCCNT)
 * from flash twice: at the reset clock (HSI 8 MHz, 0 wait states) and at 72 MHz with 2 wait states
 * and the prefetch buffer (RM0008 §3.3.3). The ratio of the two cycle counts is how much the flash
 * wait states cost this kind of code; docs/sim.md compares it with published STM32F103 figures.
 * Prints "WORKLOAD <clock> <cycles per iteration> <checksum>" over semihosting; the checksum is the
 * same at both clocks (the same work was done).
 */
#include <stdint.h>
#include "board.h"
#include "semihost.h"

#define DEMCR      REG32(0xE000EDFCu)
#define DWT_CTRL   REG32(0xE0001000u)
#define DWT_CYCCNT REG32(0xE0001004u)

#define NODES 24
#define DIM 8
#define ITERATIONS 20

struct node {
    struct node *next;
    int16_t key;
    int16_t value;
};

static struct node pool[NODES];
static int16_t matrix_a[DIM][DIM];
static int16_t matrix_b[DIM][DIM];
static int32_t matrix_c[DIM][DIM];
static const char *const tokens[] = {
    "1234", "-56", "+7.25", "3.5e-2", "0x1f", "word", "12e", "-", "9.", "42",
};

static struct node *list_build(uint32_t seed)
{
    struct node *head = 0;
    for (int i = 0; i < NODES; i++) {
        seed = seed * 1103515245u + 12345u;
        pool[i].key = (int16_t) (seed >> 20 & 0x7F);
        pool[i].value = (int16_t) i;
        pool[i].next = head;
        head = &pool[i];
    }
    return head;
}

static struct node *list_reverse(struct node *head)
{
    struct node *previous = 0;
    while (head != 0) {
        struct node *next = head->next;
        head->next = previous;
        previous = head;
        head = next;
    }
    return previous;
}

static int32_t list_find(const struct node *head, int16_t key)
{
    int32_t position = 0;
    for (; head != 0; head = head->next, position++) {
        if (head->key == key) {
            return position;
        }
    }
    return -1;
}

static int32_t list_work(uint32_t seed)
{
    struct node *head = list_build(seed);
    int32_t sum = 0;
    for (int16_t key = 0; key < 128; key += 9) {
        sum += list_find(head, key);
        head = list_reverse(head);
    }
    return sum;
}

static int32_t matrix_work(uint32_t seed)
{
    for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
            seed = seed * 69069u + 1u;
            matrix_a[i][j] = (int16_t) (seed >> 16);
            matrix_b[j][i] = (int16_t) (seed >> 8 & 0x3FF);
        }
    }
    int32_t bits = 0;
    for (int i = 0; i < DIM; i++) {
        for (int j = 0; j < DIM; j++) {
            int32_t acc = 0;
            for (int k = 0; k < DIM; k++) {
                acc += (int32_t) matrix_a[i][k] * matrix_b[k][j];
            }
            matrix_c[i][j] = acc;
            bits += acc >> 7 & 0x1F;
        }
    }
    return bits;
}

enum state { START, SIGN, INTEGER, POINT, FRACTION, EXPONENT, EXP_SIGN, EXP_DIGITS, HEX, INVALID };

static enum state classify(const char *text)
{
    enum state state = START;
    for (; *text != 0 && state != INVALID; text++) {
        char ch = *text;
        int digit = ch >= '0' && ch <= '9';
        switch (state) {
        case START:
            state = ch == '+' || ch == '-' ? SIGN : ch == '0' && text[1] == 'x' ? HEX : digit ? INTEGER : INVALID;
            if (state == HEX) {
                text++;
            }
            break;
        case SIGN:
            state = digit ? INTEGER : INVALID;
            break;
        case INTEGER:
            state = ch == '.' ? POINT : ch == 'e' || ch == 'E' ? EXPONENT : digit ? INTEGER : INVALID;
            break;
        case POINT:
        case FRACTION:
            state = digit ? FRACTION : ch == 'e' ? EXPONENT : INVALID;
            break;
        case EXPONENT:
            state = ch == '+' || ch == '-' ? EXP_SIGN : digit ? EXP_DIGITS : INVALID;
            break;
        case EXP_SIGN:
        case EXP_DIGITS:
            state = digit ? EXP_DIGITS : INVALID;
            break;
        case HEX:
            state = digit || (ch >= 'a' && ch <= 'f') ? HEX : INVALID;
            break;
        default:
            break;
        }
    }
    return state;
}

static int32_t state_work(void)
{
    int32_t histogram = 0;
    for (uint32_t t = 0; t < sizeof tokens / sizeof tokens[0]; t++) {
        histogram = histogram * 3 + (int32_t) classify(tokens[t]);
    }
    return histogram;
}

static uint16_t crc16(uint16_t crc, uint32_t word)
{
    for (int i = 0; i < 32; i++) {
        uint16_t bit = (uint16_t) ((crc >> 15 ^ word >> i) & 1u);
        crc = (uint16_t) (crc << 1);
        if (bit) {
            crc ^= 0x1021u;
        }
    }
    return crc;
}

static uint16_t one_iteration(uint32_t seed)
{
    uint16_t crc = 0xFFFF;
    crc = crc16(crc, (uint32_t) list_work(seed));
    crc = crc16(crc, (uint32_t) matrix_work(seed));
    crc = crc16(crc, (uint32_t) state_work());
    return crc;
}

static void measure(const char *clock)
{
    uint16_t checksum = 0;
    one_iteration(1); /* warm up: the same prefetch state for every timed iteration */
    uint32_t start = DWT_CYCCNT;
    for (uint32_t i = 0; i < ITERATIONS; i++) {
        checksum ^= one_iteration(i + 1);
    }
    uint32_t cycles = DWT_CYCCNT - start;
    semihost_write0("WORKLOAD ");
    semihost_write0(clock);
    semihost_write0(" ");
    semihost_write_decimal(cycles / ITERATIONS);
    semihost_write0(" ");
    semihost_write_decimal(checksum);
    semihost_write0("\n");
}

int main(void)
{
    DEMCR |= 1u << 24;      /* TRCENA */
    DWT_CYCCNT = 0;
    DWT_CTRL |= 1u;         /* CYCCNTENA */
    measure("8MHz-0WS");
    clock_setup_72mhz();
    measure("72MHz-2WS");
    return 0;
}
