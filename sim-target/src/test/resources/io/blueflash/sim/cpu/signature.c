/*
 * Interpreter check: built for the Cortex-M3 (arm-none-eabi-gcc, libgcc) and for the host (gcc);
 * both runs must write the same signature words. Only fixed-width types, no undefined behaviour.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#ifndef HOST
void *memcpy(void *d, const void *s, size_t n) {
    uint8_t *dd = d;
    const uint8_t *ss = s;
    while (n--) *dd++ = *ss++;
    return d;
}
void *memset(void *d, int c, size_t n) {
    uint8_t *dd = d;
    while (n--) *dd++ = (uint8_t) c;
    return d;
}
#endif

static uint32_t seed = 12345u;

static uint32_t next(void) {
    seed = seed * 1664525u + 1013904223u;
    return seed;
}

static uint32_t crc32(const uint8_t *p, uint32_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static void insertion_sort(int32_t *a, int n) {
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static uint32_t dispatch(uint32_t op, uint32_t x, uint32_t y) {
    switch (op) {
        case 0: return x + y;
        case 1: return x - y;
        case 2: return x ^ y;
        case 3: return x * y;
        case 4: return x | (y << 3);
        case 5: return y ? x / y : 7;
        case 6: return x >> (y & 31);
        case 7: return (x << 1) | (x >> 31);
        case 8: return ~x & y;
        case 9: return x == y;
        case 10: return (int32_t) x < (int32_t) y;
        case 11: return x > y;
        default: return 0xDEADu;
    }
}

static uint32_t wide_dispatch(uint32_t op, uint32_t x) {
    switch (op) {   /* sparse enough for TBH with big bodies */
        case 0: x = x * 3u + 1u; break;
        case 1: x = x / 3u; break;
        case 2: x = x % 1000u; break;
        case 3: x = (uint32_t) ((int32_t) x / -7); break;
        case 4: x = (uint32_t) ((int32_t) x % 13); break;
        case 5: x = __builtin_clz(x | 1u); break;
        case 6: x = __builtin_ctz(x | 0x80000000u); break;
        case 7: x = __builtin_bswap32(x); break;
        case 8: x = __builtin_bswap16((uint16_t) x); break;
        case 9: x = (uint32_t) (int32_t) (int8_t) x; break;
        case 10: x = (uint32_t) (int32_t) (int16_t) x; break;
        case 11: x = (uint8_t) (x >> 5); break;
        case 12: x = __builtin_popcount(x); break;
        default: x = 0; break;
    }
    return x;
}

struct bits { uint32_t a : 3, b : 7, c : 12, d : 10; };
struct sbits { int32_t a : 5, b : 11, c : 16; };

static int32_t clamp_s8(int32_t v) { return v > 127 ? 127 : v < -128 ? -128 : v; }
static uint32_t clamp_u10(int32_t v) { return v > 1023 ? 1023u : v < 0 ? 0u : (uint32_t) v; }

static uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

typedef uint32_t (*unary)(uint32_t);
static uint32_t twice(uint32_t x) { return 2u * x; }
static uint32_t square(uint32_t x) { return x * x; }

static uint32_t float_bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t double_bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

struct record { uint32_t w[5]; uint16_t h; uint8_t b[3]; };

void run_all(uint32_t *out) {
    uint32_t k = 0;
    uint8_t buffer[256];
    for (int i = 0; i < 256; i++) buffer[i] = (uint8_t) next();
    out[k++] = crc32(buffer, 256);

    int32_t array[40];
    for (int i = 0; i < 40; i++) array[i] = (int32_t) next() >> (i & 15);
    insertion_sort(array, 40);
    uint32_t acc = 0;
    for (int i = 0; i < 40; i++) acc = acc * 31u + (uint32_t) array[i];
    out[k++] = acc;

    acc = 0;
    for (uint32_t i = 0; i < 200; i++) {
        uint32_t x = next();     /* argument evaluation order is unspecified: name the order */
        uint32_t y = next() % 40u;
        acc = acc * 7u + dispatch(i % 13u, x, y);
    }
    out[k++] = acc;
    acc = 0;
    for (uint32_t i = 0; i < 200; i++) acc = acc * 11u + wide_dispatch(i % 14u, next());
    out[k++] = acc;

    uint32_t w0 = next(), w1 = next(), w2 = next(), w3 = next();
    uint64_t a64 = ((uint64_t) w0 << 32) | w1;
    uint64_t b64 = ((uint64_t) w2 << 32) | (w3 | 1u);
    int64_t s64 = (int64_t) (a64 ^ 0x8000000000000000ull);
    out[k++] = (uint32_t) (a64 * b64);
    out[k++] = (uint32_t) ((a64 * b64) >> 32);
    out[k++] = (uint32_t) (a64 / (b64 >> 20));
    out[k++] = (uint32_t) (a64 % (b64 >> 7));
    out[k++] = (uint32_t) (s64 / -12345);
    out[k++] = (uint32_t) ((uint64_t) (s64 % 777) >> 1);
    out[k++] = (uint32_t) (a64 >> 13) ^ (uint32_t) (a64 << 17 >> 40);
    out[k++] = (uint32_t) ((uint64_t) ((int64_t) s64 >> 37));
    out[k++] = (s64 < (int64_t) b64) + 2u * (a64 > b64);
    uint32_t m1 = next(), m2 = next();
    out[k++] = (uint32_t) (((uint64_t) m1 * m2) >> 32);
    out[k++] = (uint32_t) (((int64_t) (int32_t) m1 * (int32_t) m2) >> 32);
    uint64_t mac = 0x123456789ull;
    for (int i = 0; i < 20; i++) mac += (uint64_t) next() * next();
    out[k++] = (uint32_t) mac ^ (uint32_t) (mac >> 32);

    struct bits bf = {0};
    struct sbits sb = {0};
    acc = 0;
    for (int i = 0; i < 50; i++) {
        uint32_t r = next();
        bf.a = r; bf.b = r >> 3; bf.c = r >> 10; bf.d += r >> 22;
        sb.a = (int32_t) r; sb.b = (int32_t) (r >> 5); sb.c = (int32_t) (r >> 16);
        acc = acc * 3u + bf.a + bf.b + bf.c + bf.d + (uint32_t) (sb.a + sb.b + sb.c);
    }
    out[k++] = acc;

    acc = 0;
    for (int i = 0; i < 100; i++) {
        int32_t v = (int32_t) next() >> (i % 24);
        acc = acc * 5u + (uint32_t) clamp_s8(v) + clamp_u10(v);
    }
    out[k++] = acc;

    out[k++] = fib(18);
    unary ops[2] = {twice, square};
    acc = 3;
    for (int i = 0; i < 10; i++) acc = ops[i & 1](acc) + 1u;
    out[k++] = acc;

    float f = 1.0f;
    double d = 1.0;
    for (int i = 1; i < 30; i++) {
        f = f * 1.37f + (float) i / 3.0f - (float) (int32_t) (next() % 100);
        d = d * 1.0001 + (double) (int32_t) next() / 7.0;
    }
    out[k++] = float_bits(f);
    out[k++] = (uint32_t) double_bits(d);
    out[k++] = (uint32_t) (double_bits(d) >> 32);
    out[k++] = (uint32_t) (int32_t) (d / 1000.0);
    out[k++] = (uint32_t) (f < 0.5f) + (uint32_t) (d > -3.25) * 2u;

    struct record src = {{1, 2, 3, 4, 5}, 6, {7, 8, 9}}, dst;
    for (int i = 0; i < 5; i++) src.w[i] ^= next();
    dst = src;
    dst.w[2] += dst.h;
    acc = 0;
    for (int i = 0; i < 5; i++) acc = acc * 13u + dst.w[i];
    out[k++] = acc + dst.b[2];

    int16_t shorts[16];
    for (int i = 0; i < 16; i++) shorts[i] = (int16_t) next();
    int32_t sum = 0;
    for (int i = 0; i < 16; i++) sum += shorts[i] * (i - 8);
    out[k++] = (uint32_t) sum;

    out[k] = 0x600DF00Du;
    out[k + 1] = k;
}

#ifdef HOST
#include <stdio.h>
int main(void) {
    uint32_t out[64] = {0};
    run_all(out);
    for (int i = 0; i < 64 && (i == 0 || out[i - 1] != 0x600DF00Du); i++) printf("%08x\n", out[i]);
    return 0;
}
#endif
