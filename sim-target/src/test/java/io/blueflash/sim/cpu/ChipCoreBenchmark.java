package io.blueflash.sim.cpu;

import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.chip.Stm32F103;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the speed of the whole executing core on the simulated chip (not a test; surefire does
 * not run *Benchmark classes): the interpreter plus the system side (run loop, clock batches,
 * memory paths, decode cache, wait-state model), for straight-line code from SRAM and from flash
 * with 2 wait states, both at HCLK 72 MHz (HSE 8 MHz × PLL 9, as a Blue Pill runs). Run after
 * {@code ./mvnw -B -o -q -pl sim-target -am test-compile}:
 * <pre>
 * java -cp sim-target/target/classes:sim-target/target/test-classes:api/target/classes io.blueflash.sim.cpu.ChipCoreBenchmark [rounds] [simulated ms per round] [sram|flash|both]
 * </pre>
 * Defaults: 10 rounds of 1000 ms simulated (72 million core cycles each) after 3 warm-up rounds;
 * {@code both} (the default) runs SRAM and then flash, each in a JVM of its own.
 * Each round prints simulated core MHz per CPU second of the running thread (what the interpreter
 * costs) and per wall second (what the shared machine let it have); the summary prints the median
 * and the best of the rounds. Needs {@code arm-none-eabi-as} (the program is assembled like the
 * tests' programs).
 */
public final class ChipCoreBenchmark {

    private static final int RCC_CR = 0x4002_1000, RCC_CFGR = 0x4002_1004, FLASH_ACR = 0x4002_2000;

    private ChipCoreBenchmark() {
    }

    /**
     * 1000 instructions between two loop branches, 3 of 4 of them 16-bit, the fourth a 32-bit ADD.W:
     * 1 cycle each from SRAM, so there simulated MHz = MIPS. From flash at 2 WS two consecutive
     * 32-bit instructions can outrun the prefetch (a 64-bit line lasts 3 cycles), so there MHz ≥ MIPS.
     */
    private static String program(long base) {
        StringBuilder s = new StringBuilder(".word 0x20004000\n.word " + base + " + reset + 1\nreset:\n"
                + "  ldr r0, =1000000000\nloop:\n");
        for (int i = 0; i < 250; i++) {
            s.append("  adds r1, r1, r2\n  eors r3, r1\n  add.w r4, r3, #1\n  subs r5, r4, r1\n");
        }
        return s.append("  subs r0, #1\n  bne loop\n  b .\n").toString();
    }

    /** RM0008 §7.3: HSE on, PLL = HSE × 9, APB1 = HCLK / 2, FLASH_ACR = PRFTBE | LATENCY 2, SYSCLK = PLL. */
    private static void clockAt72MHz(Stm32F103 chip) {
        chip.cpuBus().write(FLASH_ACR, 4, 0x12);
        chip.cpuBus().write(RCC_CR, 4, chip.cpuBus().read(RCC_CR, 4) | 1 << 16);
        chip.runFor(5_000_000L);
        chip.cpuBus().write(RCC_CFGR, 4, 1 << 16 | 7 << 18 | 4 << 8);
        chip.cpuBus().write(RCC_CR, 4, chip.cpuBus().read(RCC_CR, 4) | 1 << 24);
        chip.runFor(1_000_000L);
        chip.cpuBus().write(RCC_CFGR, 4, chip.cpuBus().read(RCC_CFGR, 4) | 2);
        chip.runFor(1_000L);
        if (chip.rcc().hclkHz() != 72_000_000L) {
            throw new IllegalStateException("HCLK is " + chip.rcc().hclkHz() + " Hz, not 72 MHz");
        }
    }

    private static Stm32F103 fromSram() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        byte[] image = GnuAssembler.assemble(program(0x2000_0000L));
        for (int i = 0; i < image.length; i++) {
            chip.cpuBus().write(0x2000_0000 + i, 1, image[i]);
        }
        chip.setBootMode(BootMode.SRAM);
        chip.systemReset();
        clockAt72MHz(chip);
        return chip;
    }

    private static Stm32F103 fromFlashTwoWaitStates() {
        Stm32F103 chip = FlashFirmware.chipWithFlash(GnuAssembler.assemble(program(0x0800_0000L)));
        clockAt72MHz(chip);
        return chip;
    }

    private static void measure(String name, Stm32F103 chip, int rounds, long roundNanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            chip.runFor(roundNanos); // warm-up: the JIT compiles the interpreter
        }
        double[] perCpu = new double[rounds];
        double[] perWall = new double[rounds];
        long instructionsCheck = 0;
        for (int round = 0; round < rounds; round++) {
            long cycles = chip.core().cycles();
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            chip.runFor(roundNanos);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            long ran = chip.core().cycles() - cycles;
            instructionsCheck += ran;
            perCpu[round] = ran / cpuSeconds / 1e6;
            perWall[round] = ran / wallSeconds / 1e6;
            System.out.printf(Locale.ROOT, "  %-36s round %2d: %,12d cycles, %6.3f s CPU, %6.3f s wall: %6.1f MHz/CPU s, %6.1f MHz/wall s%n",
                    name, round + 1, ran, cpuSeconds, wallSeconds, perCpu[round], perWall[round]);
        }
        if (instructionsCheck == 0) {
            throw new IllegalStateException(name + ": the core did not run");
        }
        System.out.printf(Locale.ROOT, "%-38s simulated MHz per CPU second: median %6.1f, best %6.1f;"
                        + " per wall second: median %6.1f, best %6.1f (%d rounds of %d ms simulated)%n",
                name, median(perCpu), max(perCpu), median(perWall), max(perWall), rounds, roundNanos / 1_000_000);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long roundNanos = (args.length > 1 ? Long.parseLong(args[1]) : 1000) * 1_000_000L;
        String which = args.length > 2 ? args[2] : "both";
        if (which.equals("both")) { // each run in a JVM of its own (as JMH forks): one run's JIT profile must not shape the other's
            for (String run : new String[] {"sram", "flash"}) {
                fork(rounds, roundNanos / 1_000_000, run);
            }
            return;
        }
        System.out.printf(Locale.ROOT, "ChipCoreBenchmark: %s %s, %d CPUs, load average %.2f%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (which.equals("sram")) {
            measure("SRAM, 72 MHz, straight-line ALU", fromSram(), rounds, roundNanos);
        } else {
            measure("flash, 72 MHz, 2 WS, straight-line ALU", fromFlashTwoWaitStates(), rounds, roundNanos);
        }
    }

    private static void fork(int rounds, long millis, String run) {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process process = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    ChipCoreBenchmark.class.getName(), String.valueOf(rounds), String.valueOf(millis), run)
                    .inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(run + " run exited with " + process.exitValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
