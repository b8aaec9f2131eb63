package io.blueflash.sim.cpu;

import java.util.Random;

/**
 * Generates random straight-line Thumb-2 assembly for the differential test: data processing of
 * every kind (16- and 32-bit, flag-setting or not, shifted registers, modified immediates),
 * multiplies and divides, saturation, bitfields, extends and reverses, IT blocks, short forward
 * branches, CBZ/CBNZ, loads and stores around a base register (r11) that stays fixed, PUSH/POP.
 * Every register but SP, PC and r11 starts random; the flags too.
 */
final class RandomThumbProgram {

    static final int DATA = 0x2000_1000;

    private static final String[] CONDITIONS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};
    private static final String[] SHIFTS = {"lsl", "lsr", "asr", "ror"};
    private static final String[] WIDE_OPS = {"and", "orr", "eor", "bic", "orn", "add", "adc", "sub", "sbc", "rsb"};
    private static final String[] NARROW_OPS = {"ands", "eors", "orrs", "bics", "adcs", "sbcs", "lsls", "lsrs", "asrs",
        "rors", "tst", "cmp", "cmn", "negs", "mvns", "muls"};

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private int label;

    RandomThumbProgram(long seed) {
        this.random = new Random(seed);
    }

    String generate(int instructions) {
        for (int i = 0; i <= 12; i++) {
            if (i != 11) {
                line("ldr r%d, =0x%08x", i, interestingValue());
            }
        }
        line("ldr r11, =0x%08x", DATA);
        line("b 99f");
        out.append(".ltorg\n99:\n");
        line("msr apsr_nzcvq, r%d", low());
        for (int i = 0; i < 64; i++) {
            line("str r%d, [r11, #%d]", i % 11, 4 * i);
        }
        for (int i = 0; i < instructions; i++) {
            instruction();
        }
        return out.toString();
    }

    private int interestingValue() {
        switch (random.nextInt(6)) {
            case 0: return random.nextInt(64) - 32;
            case 1: return 0x8000_0000 + random.nextInt(3) - 1;
            case 2: return 0x7FFF_FFFF - random.nextInt(2);
            case 3: return random.nextInt(0x10000);
            default: return random.nextInt();
        }
    }

    private void line(String format, Object... args) {
        out.append("  ").append(String.format(format, args)).append('\n');
    }

    /** r0–r10 or r12: never SP, PC or the data base r11. */
    private int reg() {
        int r = random.nextInt(12);
        return r == 11 ? 12 : r;
    }

    private int low() {
        return random.nextInt(8);
    }

    private String constant() {
        int b = random.nextInt(255) + 1;
        switch (random.nextInt(5)) {
            case 0: return "#0x" + Integer.toHexString(b);
            case 1: return "#0x" + Integer.toHexString(b * 0x0001_0001);
            case 2: return "#0x" + Integer.toHexString(b * 0x0100_0100);
            case 3: return "#0x" + Integer.toHexString(b * 0x0101_0101);
            default: return "#0x" + Integer.toHexString(Integer.rotateRight(0x80 | b & 0x7F, 8 + random.nextInt(24)));
        }
    }

    private String shift() {
        int kind = random.nextInt(6);
        if (kind == 4) {
            return ", rrx";
        }
        if (kind == 5) {
            return "";
        }
        int amount = kind == 0 ? random.nextInt(31) + 1 : random.nextInt(32) + 1;
        if (kind == 3 && amount == 32) {
            amount = 7;
        }
        return ", " + SHIFTS[kind] + " #" + amount;
    }

    private void instruction() {
        int pick = random.nextInt(36);
        int d = reg();
        int n = reg();
        int m = reg();
        switch (pick) {
            case 0: case 1: case 2:
                line("%s r%d, r%d", NARROW_OPS[random.nextInt(NARROW_OPS.length)], low(), low());
                break;
            case 3:
                line("%s r%d, r%d, #%d", random.nextBoolean() ? "adds" : "subs", low(), low(), random.nextInt(8));
                break;
            case 4:
                line("%s r%d, #%d", new String[] {"movs", "cmp", "adds", "subs"}[random.nextInt(4)], low(), random.nextInt(256));
                break;
            case 5:
                line("%s r%d, r%d, #%d", SHIFTS[random.nextInt(3)] + "s", low(), low(), random.nextInt(31) + 1);
                break;
            case 6:
                line("%s r%d, r%d", new String[] {"mov", "add", "cmp"}[random.nextInt(3)], d, m);
                break;
            case 7: case 8: case 9:
                line("%s%s.w r%d, r%d, r%d%s", WIDE_OPS[random.nextInt(WIDE_OPS.length)], random.nextBoolean() ? "s" : "",
                        d, n, m, shift());
                break;
            case 10: case 11:
                line("%s%s.w r%d, r%d, %s", WIDE_OPS[random.nextInt(WIDE_OPS.length)], random.nextBoolean() ? "s" : "",
                        d, n, constant());
                break;
            case 12:
                line("%s.w r%d, r%d%s", new String[] {"tst", "teq", "cmp", "cmn"}[random.nextInt(4)], n, m, shift());
                break;
            case 13:
                line("%s%s.w r%d, %s", random.nextBoolean() ? "mov" : "mvn", random.nextBoolean() ? "s" : "", d, constant());
                break;
            case 14:
                line("%s%s.w r%d, r%d, r%d", SHIFTS[random.nextInt(4)], random.nextBoolean() ? "s" : "", d, n, m);
                break;
            case 15: {
                String[] forms = {"mul r%d, r%d, r%d", "mla r%d, r%d, r%d, r%d", "mls r%d, r%d, r%d, r%d",
                    "sdiv r%d, r%d, r%d", "udiv r%d, r%d, r%d"};
                line(forms[random.nextInt(forms.length)], d, n, m, reg());
                break;
            }
            case 16: {
                int hi = reg();
                while (hi == d) {
                    hi = reg();
                }
                line("%s r%d, r%d, r%d, r%d", new String[] {"umull", "smull", "umlal", "smlal"}[random.nextInt(4)], d, hi, n, m);
                break;
            }
            case 17: {
                boolean signed = random.nextBoolean();
                int bits = signed ? random.nextInt(32) + 1 : random.nextInt(32);
                String sh = random.nextBoolean() ? "" : random.nextBoolean() ? ", lsl #" + random.nextInt(32)
                        : ", asr #" + (random.nextInt(31) + 1);
                line("%s r%d, #%d, r%d%s", signed ? "ssat" : "usat", d, bits, n, sh);
                break;
            }
            case 18: {
                int lsb = random.nextInt(32);
                int width = random.nextInt(32 - lsb) + 1;
                String[] forms = {"bfi r%d, r%d, #%d, #%d", "ubfx r%d, r%d, #%d, #%d", "sbfx r%d, r%d, #%d, #%d"};
                if (random.nextInt(4) == 0) {
                    line("bfc r%d, #%d, #%d", d, lsb, width);
                } else {
                    line(forms[random.nextInt(3)], d, n, lsb, width);
                }
                break;
            }
            case 19:
                line("%s r%d, r%d", new String[] {"clz", "rbit", "rev", "rev16", "revsh", "rev.w"}[random.nextInt(6)], d, m);
                break;
            case 20:
                line("%s.w r%d, r%d, ror #%d", new String[] {"sxtb", "uxtb", "sxth", "uxth"}[random.nextInt(4)], d, m,
                        8 * random.nextInt(4));
                break;
            case 21:
                line("%s r%d, #%d", random.nextBoolean() ? "movw" : "movt", d, random.nextInt(0x10000));
                break;
            case 22:
                line("%s r%d, r%d, #%d", random.nextBoolean() ? "addw" : "subw", d, n, random.nextInt(4096));
                break;
            case 23: case 24:
                itBlock();
                break;
            case 25: {
                int target = ++label;
                line(random.nextBoolean() ? "b%s %d0f" : "b%s.w %d0f", CONDITIONS[random.nextInt(CONDITIONS.length)], target);
                instruction();
                out.append(target).append("0:\n");
                break;
            }
            case 26: {
                int target = ++label;
                line("%s r%d, %d0f", random.nextBoolean() ? "cbz" : "cbnz", low(), target);
                line("adds r%d, #1", low());
                out.append(target).append("0:\n");
                break;
            }
            case 27: case 28:
                loadOrStore(d);
                break;
            case 29: { // call a subroutine placed right after, return with BX LR or POP {PC}
                int body = ++label;
                int after = ++label;
                boolean viaStack = random.nextBoolean();
                line("bl %d0f", body);
                line("b %d0f", after);
                out.append(body).append("0:\n");
                if (viaStack) {
                    line("push {r%d, lr}", low());
                }
                line("%s r%d, r%d", NARROW_OPS[random.nextInt(NARROW_OPS.length)], low(), low()); // no nested call
                line(viaStack ? "pop {r%d, pc}" : "bx lr", low());
                out.append(after).append("0:\n");
                break;
            }
            case 30: { // switch through TBB on a register's low bits
                int table = ++label;
                int end = ++label;
                int index = low();
                line("and r%d, r%d, #3", index, index);
                line("tbb [pc, r%d]", index);
                out.append(table).append("0:\n");
                out.append(String.format("  .byte (%1$d1f - %1$d0b) / 2, (%1$d2f - %1$d0b) / 2, (%1$d3f - %1$d0b) / 2, "
                        + "(%1$d4f - %1$d0b) / 2%n", table));
                for (int c = 1; c <= 4; c++) {
                    out.append(table).append(c).append(":\n");
                    line("adds r%d, #%d", low(), c);
                    line("b %d0f", end);
                }
                out.append(end).append("0:\n");
                break;
            }
            case 31: { // write-back forms, then r11 back to DATA
                int a = reg();
                int b = reg();
                if (a == b) {
                    b = a == 12 ? 0 : 12;
                }
                switch (random.nextInt(4)) {
                    case 0: line("ldmia r11!, {r%d, r%d}", Math.min(a, b), Math.max(a, b)); line("sub r11, #8"); break;
                    case 1: line("stmdb r11!, {r%d, r%d}", Math.min(a, b), Math.max(a, b)); line("add r11, #8"); break;
                    case 2: line("ldr r%d, [r11, #4]!", a); line("sub r11, #4"); break;
                    default: line("str r%d, [r11], #-4", a); line("add r11, #4"); break;
                }
                break;
            }
            case 32: { // exclusives: a pair succeeds, a lone STREX fails
                int status = reg();
                int value = reg();
                if (random.nextBoolean()) {
                    line("ldrex r%d, [r11, #8]", value);
                }
                while (status == value) {
                    status = reg();
                }
                line("strex r%d, r%d, [r11, #8]", status, value);
                break;
            }
            case 33:
                line("mrs r%d, apsr", d);
                break;
            case 34: {
                int target = ++label;
                line("adr r%d, %d0f", low(), target);
                line("b %d0f", target);
                line(".align 2");
                out.append(target).append("0:\n");
                break;
            }
            default: {
                int a = reg();
                int b = reg();
                line("push {r%d, r%d}", Math.min(a, b), Math.max(a, b) == Math.min(a, b) ? 12 : Math.max(a, b));
                instruction();
                line("pop {r%d, r%d}", Math.min(a, b), Math.max(a, b) == Math.min(a, b) ? 12 : Math.max(a, b));
                break;
            }
        }
    }

    private void itBlock() {
        String cond = CONDITIONS[random.nextInt(CONDITIONS.length)];
        String inverse = CONDITIONS[Integer.parseInt(
                String.valueOf("1032547698BADC".charAt(java.util.Arrays.asList(CONDITIONS).indexOf(cond))), 16)];
        int length = random.nextInt(4) + 1;
        StringBuilder mask = new StringBuilder();
        String[] conds = new String[length];
        conds[0] = cond;
        for (int i = 1; i < length; i++) {
            boolean then = random.nextBoolean();
            mask.append(then ? 't' : 'e');
            conds[i] = then ? cond : inverse;
        }
        line("it%s %s", mask, cond);
        for (String c : conds) {
            switch (random.nextInt(6)) {
                case 0: line("add%s r%d, r%d, r%d", c, low(), low(), low()); break;
                case 1: line("mov%s r%d, #%d", c, low(), random.nextInt(256)); break;
                case 2: line("lsl%s r%d, r%d, #%d", c, low(), low(), random.nextInt(31) + 1); break;
                case 3: line("adds%s.w r%d, r%d, r%d", c, reg(), reg(), reg()); break;
                case 4: line("eor%s r%d, r%d", c, low(), low()); break;
                default: line("sub%s r%d, #%d", c, low(), random.nextInt(256)); break;
            }
        }
    }

    private void loadOrStore(int d) {
        int offset = random.nextInt(60) * 4;
        switch (random.nextInt(10)) {
            case 0: line("str r%d, [r11, #%d]", d, offset); break;
            case 1: line("ldr r%d, [r11, #%d]", d, offset + random.nextInt(4)); break;
            case 2: line("%s r%d, [r11, #%d]", random.nextBoolean() ? "ldrb" : "ldrsb", d, offset + random.nextInt(4)); break;
            case 3: line("%s r%d, [r11, #%d]", random.nextBoolean() ? "ldrh" : "ldrsh", d, offset + random.nextInt(3)); break;
            case 4: line("%s r%d, [r11, #%d]", random.nextBoolean() ? "strb" : "strh", d, offset + random.nextInt(2)); break;
            case 5: {
                int second = reg();
                while (second == d) {
                    second = reg();
                }
                line("%s r%d, r%d, [r11, #%d]", random.nextBoolean() ? "ldrd" : "strd", d, second, offset);
                break;
            }
            case 6: {
                int a = reg();
                int b = reg();
                if (a == b) {
                    b = a == 12 ? 0 : 12;
                }
                line("%s r11, {r%d, r%d}", random.nextBoolean() ? "ldmia" : "stmia", Math.min(a, b), Math.max(a, b));
                break;
            }
            case 7: line("ldr r%d, [r11, #-%d]", d, random.nextInt(200)); break;
            case 8: line("str%s r%d, [r11, #%d]", random.nextBoolean() ? "" : ".w", d, offset + 2); break;
            default: line("ldr.w r%d, [r11, #%d]", d, offset); break;
        }
    }
}
