/*
 * Control flow and memory: dense switches (TBB/TBH jump tables), newlib's memcpy/memset/memmove/
 * memcmp at every alignment and many lengths (LDM/STM, LDRD/STRD, byte and half-word tails),
 * recursion (deep BL/PUSH/POP chains), calls through function pointers (BLX), structure copies,
 * a bitwise CRC-32 and an insertion sort. Portable C: the host computes the same words.
 */
#include <stdint.h>
#include <string.h>
#include "sig.h"

static uint32_t small_switch(uint32_t v)
{
    switch (v & 15u) {
    case 0: return v + 3u;
    case 1: return v ^ 0x55u;
    case 2: return v << 2;
    case 3: return v >> 1;
    case 4: return ~v;
    case 5: return v * 7u;
    case 6: return v - 100u;
    case 7: return v | 0x8000u;
    case 8: return v & 0xF0F0u;
    case 9: return v + v / 3u;
    case 10: return 42u;
    case 11: return v ^ 0xFFFF0000u;
    case 12: return v * v;
    default: return v + 1u;
    }
}

/* Enough code between the cases that the jump table needs half-word offsets (TBH) at -O2. */
#define BIG_CASE(n) case n: { uint32_t x = v; for (uint32_t k = 0; k < (n) % 5u + 2u; k++) { \
        x = x * (n##u + 3u) + (x >> ((n) % 7 + 1)) + k; x ^= x << ((n) % 5 + 1); } return x + (n); }

static uint32_t big_switch(uint32_t v, uint32_t selector)
{
    switch (selector % 40u) {
    BIG_CASE(0) BIG_CASE(1) BIG_CASE(2) BIG_CASE(3) BIG_CASE(4) BIG_CASE(5) BIG_CASE(6) BIG_CASE(7)
    BIG_CASE(8) BIG_CASE(9) BIG_CASE(10) BIG_CASE(11) BIG_CASE(12) BIG_CASE(13) BIG_CASE(14)
    BIG_CASE(15) BIG_CASE(16) BIG_CASE(17) BIG_CASE(18) BIG_CASE(19) BIG_CASE(20) BIG_CASE(21)
    BIG_CASE(22) BIG_CASE(23) BIG_CASE(24) BIG_CASE(25) BIG_CASE(26) BIG_CASE(27) BIG_CASE(28)
    BIG_CASE(29) BIG_CASE(30) BIG_CASE(31) BIG_CASE(32) BIG_CASE(33) BIG_CASE(34) BIG_CASE(35)
    BIG_CASE(36) BIG_CASE(37) BIG_CASE(38)
    default: return v;
    }
}

static uint32_t switches(void)
{
    uint32_t h = MIX_INIT;
    for (uint32_t i = 0; i < 200u; i++) {
        uint32_t v = opaque(i * 2654435761u);
        h = mix(h, small_switch(v));
        h = mix(h, big_switch(v, opaque(i)));
    }
    return h;
}

static uint8_t src_buf[300];
static uint8_t dst_buf[300];

static uint32_t buffer_hash(const uint8_t *p, uint32_t n)
{
    uint32_t h = MIX_INIT;
    for (uint32_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static uint32_t memory_functions(void)
{
    uint32_t h = MIX_INIT;
    for (uint32_t i = 0; i < sizeof src_buf; i++) {
        src_buf[i] = (uint8_t) (i * 37u + 11u);
    }
    for (uint32_t src_off = 0; src_off < 4u; src_off++) {
        for (uint32_t dst_off = 0; dst_off < 4u; dst_off++) {
            for (uint32_t len = 0; len < 70u; len += opaque(1u) + len / 8u) {
                memset(dst_buf, 0xA5, sizeof dst_buf);
                memcpy(dst_buf + dst_off, src_buf + src_off, len);
                h = mix(h, buffer_hash(dst_buf, 80));
                memset(dst_buf + src_off, (int) (len & 0xFFu), len + dst_off);
                h = mix(h, buffer_hash(dst_buf, 80));
                memmove(dst_buf + dst_off + 1u, dst_buf + src_off, len);
                h = mix(h, buffer_hash(dst_buf, 80) ^ (uint32_t) (memcmp(dst_buf, src_buf, len) > 0));
            }
        }
    }
    memcpy(dst_buf, src_buf, 256);
    h = mix(h, buffer_hash(dst_buf, 256) ^ (uint32_t) strlen("recursion and friends"));
    return h;
}

static uint32_t fib(uint32_t n)
{
    return n < 2u ? n : fib(n - 1u) + fib(n - 2u);
}

static uint32_t ackermann(uint32_t m, uint32_t n)
{
    if (m == 0u) {
        return n + 1u;
    }
    if (n == 0u) {
        return ackermann(m - 1u, 1u);
    }
    return ackermann(m - 1u, ackermann(m, n - 1u));
}

static void quicksort(int32_t *a, int lo, int hi)
{
    if (lo >= hi) {
        return;
    }
    int32_t pivot = a[(lo + hi) / 2];
    int i = lo, j = hi;
    while (i <= j) {
        while (a[i] < pivot) {
            i++;
        }
        while (a[j] > pivot) {
            j--;
        }
        if (i <= j) {
            int32_t t = a[i];
            a[i++] = a[j];
            a[j--] = t;
        }
    }
    quicksort(a, lo, j);
    quicksort(a, i, hi);
}

static uint32_t recursion(void)
{
    uint32_t h = MIX_INIT;
    h = mix(h, fib(opaque(20u)));
    h = mix(h, ackermann(opaque(2u), opaque(3u)));
    int32_t values[64];
    uint32_t seed = opaque(12345u);
    for (int i = 0; i < 64; i++) {
        seed = seed * 1103515245u + 12345u;
        values[i] = (int32_t) seed >> 3;
    }
    quicksort(values, 0, 63);
    for (int i = 0; i < 64; i++) {
        h = mix(h, (uint32_t) values[i]);
    }
    return h;
}

typedef uint32_t (*operation)(uint32_t, uint32_t);

static uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
static uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ b; }
static uint32_t op_mul(uint32_t a, uint32_t b) { return a * b + 1u; }
static uint32_t op_rot(uint32_t a, uint32_t b) { b &= 31u; return b ? a << b | a >> (32u - b) : a; }

struct record {
    uint32_t id;
    uint16_t half;
    uint8_t byte;
    int8_t signed_byte;
    uint32_t words[5];
};

static uint32_t calls_and_structs(void)
{
    static const operation ops[] = {op_add, op_xor, op_mul, op_rot};
    uint32_t h = MIX_INIT;
    uint32_t acc = opaque(7u);
    for (uint32_t i = 0; i < 100u; i++) {
        operation op = ops[opaque(i) % 4u];
        acc = op(acc, i * 0x9E3779B9u);
        h = mix(h, acc);
    }
    struct record a = {opaque(1u), 0xBEEF, 0xAB, -5, {1, 2, 3, 4, 5}};
    struct record b = a;
    b.words[opaque(2u)] += a.signed_byte;
    b.half = (uint16_t) (b.half + a.byte);
    b.signed_byte = (int8_t) (b.signed_byte * 3);
    struct record c;
    memcpy(&c, &b, sizeof c);
    h = mix(h, c.id ^ c.half ^ (uint32_t) (int32_t) c.signed_byte ^ c.words[2] ^ c.words[4] ^ c.byte);
    return h;
}

static uint32_t crc32_bitwise(const uint8_t *data, uint32_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) {
        crc ^= data[i];
        for (int k = 0; k < 8; k++) {
            crc = crc & 1u ? crc >> 1 ^ 0xEDB88320u : crc >> 1;
        }
    }
    return ~crc;
}

static uint32_t checksums(void)
{
    static const char text[] = "The quick brown fox jumps over the lazy dog";
    uint32_t h = crc32_bitwise((const uint8_t *) text, opaque(sizeof text - 1u));
    return mix(h, crc32_bitwise(src_buf, opaque(sizeof src_buf)));
}

void test_main(void)
{
    sig_put(switches());
    sig_put(memory_functions());
    sig_put(recursion());
    sig_put(calls_and_structs());
    sig_put(checksums());
}
