/*
 * Integer arithmetic: add/subtract with carry and overflow, signed/unsigned compares, 64-bit
 * arithmetic (ADDS/ADC, UMULL/SMULL/UMLAL/SMLAL, libgcc 64-bit divide), 32-bit SDIV/UDIV and
 * remainders (MLS), bit operations (CLZ, RBIT, REV, REV16, rotates), bitfields (UBFX/SBFX/BFI/BFC),
 * saturation (SSAT/USAT from clamps), conditional selects (IT blocks) and multiply-accumulate.
 * One signature word per class, so a mismatch names the class. Portable C: the host computes
 * the same words.
 */
#include <stdint.h>
#include "sig.h"

static const uint32_t inputs[] = {
    0u, 1u, 2u, 3u, 7u, 0x7Fu, 0x80u, 0xFFu, 0x100u, 0x7FFFu, 0x8000u, 0xFFFFu, 0x10000u,
    0x12345678u, 0x7FFFFFFFu, 0x80000000u, 0x80000001u, 0xFFFFFFFEu, 0xFFFFFFFFu, 0xDEADBEEFu,
    0xCAFEF00Du, 0x00FF00FFu, 0x55555555u, 0xAAAAAAAAu, 1000000007u, 0xFFFF0000u, 0x0000FFFEu,
};
#define N_INPUTS (sizeof inputs / sizeof inputs[0])

static uint32_t in(unsigned i)
{
    return opaque(inputs[i % N_INPUTS]);
}

static uint32_t add_sub_flags(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        for (unsigned j = 0; j < N_INPUTS; j++) {
            uint32_t a = in(i), b = in(j);
            uint32_t sum, diff;
            int32_t ssum, sdiff;
            uint32_t carry = __builtin_add_overflow(a, b, &sum);
            uint32_t borrow = __builtin_sub_overflow(a, b, &diff);
            uint32_t ov = __builtin_add_overflow((int32_t) a, (int32_t) b, &ssum);
            uint32_t sov = __builtin_sub_overflow((int32_t) a, (int32_t) b, &sdiff);
            uint32_t cmp = (uint32_t) (a < b) | (uint32_t) ((int32_t) a < (int32_t) b) << 1
                    | (uint32_t) (a >= b) << 2 | (uint32_t) ((int32_t) a > (int32_t) b) << 3
                    | (uint32_t) (a == b) << 4 | (uint32_t) ((a & b) == 0) << 5;
            h = mix(h, sum ^ (diff << 1) ^ (uint32_t) ssum ^ (uint32_t) sdiff);
            h = mix(h, carry | borrow << 1 | ov << 2 | sov << 3 | cmp << 4);
            h = mix(h, -a + (b >> 3) - (uint32_t) ((int32_t) b >> 5));
        }
    }
    return h;
}

static uint32_t arith64(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        for (unsigned j = 0; j < N_INPUTS; j++) {
            uint64_t a = (uint64_t) in(i) << 32 | in(j);
            uint64_t b = (uint64_t) in(j + 3) << 32 | in(i + 5);
            uint64_t umul = (uint64_t) in(i) * in(j);
            int64_t smul = (int64_t) (int32_t) in(i) * (int32_t) in(j);
            uint64_t mac = umul + (uint64_t) in(i + 1) * in(j + 2);
            int64_t smac = smul + (int64_t) (int32_t) in(i + 2) * (int32_t) in(j + 1);
            uint64_t sum = a + b, diff = a - b;
            uint64_t shl = a << (j % 64), shr = a >> (i % 64);
            int64_t sar = (int64_t) a >> (j % 64);
            h = mix(h, (uint32_t) umul);
            h = mix(h, (uint32_t) (umul >> 32));
            h = mix(h, (uint32_t) smul ^ (uint32_t) ((uint64_t) smul >> 32));
            h = mix(h, (uint32_t) mac ^ (uint32_t) (mac >> 32));
            h = mix(h, (uint32_t) smac ^ (uint32_t) ((uint64_t) smac >> 32));
            h = mix(h, (uint32_t) sum ^ (uint32_t) (sum >> 32) ^ (uint32_t) diff ^ (uint32_t) (diff >> 32));
            h = mix(h, (uint32_t) shl ^ (uint32_t) (shr >> 32) ^ (uint32_t) (uint64_t) sar);
            h = mix(h, (uint32_t) (a < b) | (uint32_t) ((int64_t) a < (int64_t) b) << 1);
        }
    }
    return h;
}

static uint32_t divide64(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        for (unsigned j = 1; j < N_INPUTS; j++) {
            uint64_t a = (uint64_t) in(i) << 32 | in(i + 7);
            uint64_t b = (uint64_t) in(j + 11) << (j % 33) | in(j);
            if (b == 0) {
                continue;
            }
            int64_t sa = (int64_t) a, sb = (int64_t) b;
            h = mix(h, (uint32_t) (a / b) ^ (uint32_t) ((a / b) >> 32));
            h = mix(h, (uint32_t) (a % b) ^ (uint32_t) ((a % b) >> 32));
            if (!(sa == INT64_MIN && sb == -1)) {
                h = mix(h, (uint32_t) (uint64_t) (sa / sb) ^ (uint32_t) ((uint64_t) (sa % sb) >> 32));
            }
        }
    }
    return h;
}

static uint32_t divide32(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        for (unsigned j = 0; j < N_INPUTS; j++) {
            uint32_t a = in(i), b = in(j);
            if (b == 0) {
                continue;
            }
            int32_t sa = (int32_t) a, sb = (int32_t) b;
            h = mix(h, a / b);
            h = mix(h, a % b);
            if (!(sa == INT32_MIN && sb == -1)) {
                h = mix(h, (uint32_t) (sa / sb));
                h = mix(h, (uint32_t) (sa % sb));
            }
            h = mix(h, a / 10u + a % 7u + (uint32_t) (sa / 3));
        }
    }
    return h;
}

static uint32_t rotl(uint32_t v, unsigned n)
{
    n &= 31u;
    return n == 0 ? v : v << n | v >> (32u - n);
}

static uint32_t bit_ops(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        uint32_t a = in(i), b = in(i + 9);
        uint32_t clz = a == 0 ? 32u : (uint32_t) __builtin_clz(a);
        uint32_t ctz = a == 0 ? 32u : (uint32_t) __builtin_ctz(a);
        uint32_t rev = __builtin_bswap32(a);
        uint32_t rev16 = (a & 0xFF00FF00u) >> 8 | (a & 0x00FF00FFu) << 8;
        uint16_t half = (uint16_t) a;
        int16_t revsh = (int16_t) (uint16_t) (half >> 8 | half << 8);
        uint32_t pop = (uint32_t) __builtin_popcount(a);
        h = mix(h, clz | ctz << 8 | pop << 16);
        h = mix(h, rev ^ rev16 ^ (uint32_t) (int32_t) revsh);
        h = mix(h, rotl(a, b) ^ rotl(a, 32u - (b & 31u)));
        h = mix(h, (a & ~b) ^ (a | ~b) ^ (a ^ b) ^ ~a);
        h = mix(h, a << (b & 31u) ^ a >> (b & 15u) ^ (uint32_t) ((int32_t) a >> (b & 31u)));
        h = mix(h, (uint32_t) (int32_t) (int8_t) a ^ (uint32_t) (int32_t) (int16_t) a ^ (uint8_t) b ^ (uint16_t) b);
    }
    return h;
}

struct packed_fields {
    uint32_t low : 3;
    int32_t signed_mid : 7;
    uint32_t mid : 12;
    int32_t top : 10;
};

/* Stores into a bitfield through a pointer: BFI. */
static __attribute__((noinline)) void store_field(struct packed_fields *f, uint32_t v)
{
    f->mid = v;
}

static uint32_t bitfields(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        uint32_t a = in(i), b = in(i + 4);
        struct packed_fields f;
        f.low = a & 7u;
        f.signed_mid = (int32_t) ((a >> 3 & 0x7Fu) ^ 0x40u) - 0x40;
        f.mid = b >> 7;
        f.top = (int32_t) ((b & 0x3FFu) ^ 0x200u) - 0x200;
        uint32_t ubfx = a >> 5 & 0x3FFu;
        int32_t sbfx = (int32_t) (a << 9) >> 20;
        uint32_t bfi = (a & ~(0xFFu << 12)) | (b & 0xFFu) << 12;
        uint32_t bfc = a & ~(0x1Fu << 4);
        h = mix(h, f.low | ((uint32_t) f.signed_mid << 3 ^ (uint32_t) f.mid << 10 ^ (uint32_t) f.top << 22));
        h = mix(h, ubfx ^ (uint32_t) sbfx ^ bfi ^ bfc);
        f.mid += f.low;
        f.top -= 3;
        h = mix(h, f.mid ^ (uint32_t) f.top);
        store_field(&f, a ^ b);
        h = mix(h, f.low ^ (uint32_t) f.signed_mid ^ f.mid ^ (uint32_t) f.top);
    }
    return h;
}

/* Clamps written the way GCC turns them into SSAT/USAT (kept out of line so each stays one instruction). */
#define CLAMP(name, lo, hi) static __attribute__((noinline)) int32_t name(int32_t v) \
    { return v > (hi) ? (hi) : v < (lo) ? (lo) : v; }
CLAMP(ssat8, -128, 127)
CLAMP(ssat16, -32768, 32767)
CLAMP(ssat24, -(1 << 23), (1 << 23) - 1)
CLAMP(usat8, 0, 255)
CLAMP(usat16, 0, 65535)

static uint32_t saturation(void)
{
    uint32_t h = MIX_INIT;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        int32_t v = (int32_t) in(i);
        int32_t w = v >> 4;
        h = mix(h, (uint32_t) ssat8(v));
        h = mix(h, (uint32_t) ssat16(w));
        h = mix(h, (uint32_t) usat8(v));
        h = mix(h, (uint32_t) usat16(w));
        h = mix(h, (uint32_t) ssat24(v >> 8));
    }
    return h;
}

/* 64-bit multiply-accumulate loops: UMLAL and SMLAL. */
static uint32_t long_mac(void)
{
    uint64_t acc = opaque(5u);
    int64_t sacc = -(int64_t) opaque(9u);
    for (unsigned i = 0; i < N_INPUTS; i++) {
        acc += (uint64_t) in(i) * in(i + 13);
        sacc += (int64_t) (int32_t) in(i) * (int32_t) in(i + 6);
    }
    return (uint32_t) acc ^ (uint32_t) (acc >> 32) ^ (uint32_t) (uint64_t) sacc ^ (uint32_t) ((uint64_t) sacc >> 32);
}

static uint32_t selects_and_mac(void)
{
    uint32_t h = MIX_INIT;
    uint32_t acc = 1;
    for (unsigned i = 0; i < N_INPUTS; i++) {
        uint32_t a = in(i), b = in(i + 1), c = in(i + 2);
        uint32_t max = a > b ? a : b;
        int32_t smin = (int32_t) a < (int32_t) c ? (int32_t) a : (int32_t) c;
        uint32_t sel = (a & 1u) ? b + c : b - c;
        uint32_t abs = (int32_t) b < 0 ? -b : b;
        acc = acc * a + b;      /* MLA */
        acc = c - acc * b;      /* MLS */
        h = mix(h, max ^ (uint32_t) smin ^ sel ^ abs ^ acc);
        h = mix(h, a * b ^ (a * 0x01000193u) ^ a * (uint32_t) -7);
    }
    return h;
}

void test_main(void)
{
    sig_put(add_sub_flags());
    sig_put(arith64());
    sig_put(divide64());
    sig_put(divide32());
    sig_put(bit_ops());
    sig_put(bitfields());
    sig_put(saturation());
    sig_put(selects_and_mac());
    sig_put(long_mac());
}
