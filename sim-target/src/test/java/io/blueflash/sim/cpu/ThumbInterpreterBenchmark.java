package io.blueflash.sim.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Prints the interpreter's speed (not a test; surefire does not run *Benchmark classes):
 * million instructions and simulated core MHz per host second for straight-line code and two
 * loops, over a flat 64 KiB SRAM context so the figures are the interpreter's own (the chip's bus
 * adds its cost on top). Run after {@code ./mvnw -pl sim-target -am test-compile}:
 * <pre>
 * java -cp sim-target/target/classes:sim-target/target/test-classes io.blueflash.sim.cpu.ThumbInterpreterBenchmark
 * </pre>
 */
public final class ThumbInterpreterBenchmark {

    private static final int BASE = 0x2000_0000;

    /** SRAM only, little-endian, no devices: the cheapest context an interpreter can have. */
    private static final class FlatSram implements ExecutionContext {
        final byte[] bytes = new byte[0x1_0000];

        @Override
        public int fetch16(int address) {
            int i = address - BASE;
            return bytes[i] & 0xFF | (bytes[i + 1] & 0xFF) << 8;
        }

        @Override
        public int read(int address, int size) {
            int i = address - BASE;
            switch (size) {
                case 1: return bytes[i] & 0xFF;
                case 2: return bytes[i] & 0xFF | (bytes[i + 1] & 0xFF) << 8;
                default: return bytes[i] & 0xFF | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF) << 16
                        | bytes[i + 3] << 24;
            }
        }

        @Override
        public void write(int address, int size, int value) {
            int i = address - BASE;
            for (int k = 0; k < size; k++) {
                bytes[i + k] = (byte) (value >>> 8 * k);
            }
        }

        void halfwords(int address, int... values) {
            for (int k = 0; k < values.length; k++) {
                write(address + 2 * k, 2, values[k]);
            }
        }

        @Override public boolean unalignedTrap() { return false; }
        @Override public boolean divideByZeroTrap() { return false; }
        @Override public void exceptionReturn(int excReturn) { }
        @Override public void supervisorCall(int imm8) { }
        @Override public boolean breakpoint(int imm8) { return true; }
        @Override public void waitForInterrupt() { }
        @Override public void waitForEvent() { }
        @Override public void sendEvent() { }
        @Override public int readSpecial(int sysm) { return 0; }
        @Override public void writeSpecial(int sysm, int mask, int value) { }
        @Override public void changeProcessorState(boolean disable, boolean affectI, boolean affectF) { }
        @Override public void setExclusive(int address, int size) { }
        @Override public boolean checkAndClearExclusive(int address, int size) { return true; }
        @Override public void clearExclusive() { }
    }

    private ThumbInterpreterBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        // straight-line ALU: 16-bit and 32-bit data processing, 4000 instructions then one branch back
        int[] alu = {
            0x1840,         // adds r0, r0, r1
            0x4042,         // eors r2, r0
            0x00D3,         // lsls r3, r2, #3
            0xEB05, 0x0583, // add.w r5, r5, r3, lsl #2
            0x2407,         // movs r4, #7
            0xF04F, 0x7880, // mov.w r8, #0x1000000
            0x4365,         // muls r5, r4
            0xEA4F, 0x0979, // mov.w r9, r9, ror #1
            0x3101,         // adds r1, #1
            0xF3C2, 0x0A44, // ubfx r10, r2, #1, #5
        };
        run("straight-line ALU (16/32-bit mix)", straightLine(alu, 4000), seconds);
        // straight-line with loads and stores (r7 points at SRAM)
        int[] memory = {
            0x687E,         // ldr r6, [r7, #4]
            0x1840,         // adds r0, r0, r1
            0x60BE,         // str r6, [r7, #8]
            0xF8D7, 0x800C, // ldr.w r8, [r7, #12]
            0x4042,         // eors r2, r0
            0x81BA,         // strh r2, [r7, #12]
        };
        run("straight-line with LDR/STR", straightLine(memory, 4000), seconds);
        // subs r0, #1; bhi back; then reload r0 and repeat
        run("loop: subs/bhi", new int[] {0xF04F, 0x70FF, 0x3801, 0xD8FD, 0xE7FA}, seconds); // mov.w r0,#0x1FE0000
        // word copy loop: ldr r3,[r1],#4; str r3,[r2],#4; subs r0,#1; bne; then restart
        run("loop: word copy", new int[] {
            0x2040,         // movs r0, #64
            0x4639,         // mov r1, r7
            0xF507, 0x7280, // add.w r2, r7, #256
            0xF851, 0x3B04, // ldr r3, [r1], #4
            0xF842, 0x3B04, // str r3, [r2], #4
            0x3801,         // subs r0, #1
            0xD1F9,         // bne (ldr)
            0xE7F4,         // b start
        }, seconds);
    }

    private static int[] straightLine(int[] pattern, int instructions) {
        int repeats = instructions / countInstructions(pattern);
        int[] code = new int[repeats * pattern.length + 2];
        int at = 0;
        for (int k = 0; k < repeats; k++) {
            System.arraycopy(pattern, 0, code, at, pattern.length);
            at += pattern.length;
        }
        // B.W back to the start: target = pc + 4 + SignExtend(S:I1:I2:imm10:imm11:0)
        int imm = -(2 * at + 4) >> 1;
        int sign = imm >>> 31;
        int j1 = ~(imm >> 22 & 1 ^ sign) & 1;
        int j2 = ~(imm >> 21 & 1 ^ sign) & 1;
        code[at] = 0xF000 | sign << 10 | imm >> 11 & 0x3FF;
        code[at + 1] = 0x9000 | j1 << 13 | j2 << 11 | imm & 0x7FF;
        return code;
    }

    private static int countInstructions(int[] halfwords) {
        int count = 0;
        for (int i = 0; i < halfwords.length; i++) {
            if (halfwords[i] >= 0xE800) {
                i++;
            }
            count++;
        }
        return count;
    }

    private static void run(String name, int[] code, double seconds) {
        FlatSram context = new FlatSram();
        context.halfwords(BASE, code);
        CoreState state = new CoreState();
        state.r[CoreState.PC] = BASE;
        state.r[7] = BASE + 0x8000;
        state.r[CoreState.SP] = BASE + 0xF000;
        ThumbInterpreter cpu = new ThumbInterpreter();
        measure(cpu, state, context, 1.0); // warm-up: let the JIT compile
        long[] result = measure(cpu, state, context, seconds);
        double elapsed = result[2] / 1e9;
        double cpuSeconds = result[3] / 1e9;
        System.out.printf(Locale.ROOT, "%-36s %7.1f MIPS %7.1f sim. MHz per wall second;"
                        + " %7.1f MIPS %7.1f sim. MHz per CPU second (%.2f cycles/instruction)%n",
                name, result[0] / elapsed / 1e6, result[1] / elapsed / 1e6,
                result[0] / cpuSeconds / 1e6, result[1] / cpuSeconds / 1e6, (double) result[1] / result[0]);
    }

    /**
     * Returns {instructions, cycles, wall nanoseconds, thread CPU nanoseconds}: on a shared machine
     * the CPU-time figure is what the interpreter costs, the wall figure what this run got.
     */
    private static long[] measure(ThumbInterpreter cpu, CoreState state, ExecutionContext context, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long instructions = 0;
        long cycles = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int i = 0; i < 100_000; i++) {
                cycles += cpu.step(state, context);
            }
            instructions += 100_000;
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {instructions, cycles, now - start, threads.getCurrentThreadCpuTime() - cpuStart};
    }
}
