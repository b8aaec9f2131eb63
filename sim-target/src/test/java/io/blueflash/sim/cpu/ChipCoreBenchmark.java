package io.blueflash.sim.cpu;

import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.Stm32F103;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Prints the speed of the whole executing core on the simulated chip (not a test; surefire does
 * not run *Benchmark classes): the interpreter plus the system side (run loop, clock batches,
 * memory paths, wait-state model), for straight-line code from SRAM and from flash with 2 wait
 * states. Compare with {@link ThumbInterpreterBenchmark} (interpreter alone). Run after
 * {@code ./mvnw -pl sim-target -am test-compile}:
 * <pre>
 * java -cp sim-target/target/classes:sim-target/target/test-classes io.blueflash.sim.cpu.ChipCoreBenchmark
 * </pre>
 * Needs {@code arm-none-eabi-as} (the program is assembled like the tests' programs).
 */
public final class ChipCoreBenchmark {

    private ChipCoreBenchmark() {
    }

    private static String program(long base) {
        StringBuilder s = new StringBuilder(".word 0x20004000\n.word " + base + " + reset + 1\nreset:\n"
                + "  ldr r0, =1000000000\nloop:\n");
        for (int i = 0; i < 250; i++) {
            s.append("  adds r1, r1, r2\n  eors r3, r1\n  add.w r4, r3, #1\n  subs r5, r4, r1\n");
        }
        return s.append("  subs r0, #1\n  bne loop\n  b .\n").toString();
    }

    private static Stm32F103 fromSram() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        byte[] image = GnuAssembler.assemble(program(0x2000_0000L));
        for (int i = 0; i < image.length; i++) {
            chip.cpuBus().write(0x2000_0000 + i, 1, image[i]);
        }
        chip.setBootMode(BootMode.SRAM);
        chip.systemReset();
        return chip;
    }

    private static Stm32F103 fromFlashTwoWaitStates() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimState blank = chip.saveState();
        byte[] flash = blank.flash();
        byte[] image = GnuAssembler.assemble(program(0x0800_0000L));
        System.arraycopy(image, 0, flash, 0, image.length);
        chip.restoreState(new SimState(blank.profileName(), flash, blank.optionBytes()));
        chip.cpuBus().write(0x4002_2000, 4, 0x12);   // FLASH_ACR: PRFTBE, LATENCY 2
        return chip;
    }

    /**
     * Rounds of 0.2 s simulated; on a shared machine the best round's CPU-second figure is the one
     * other processes disturbed least. The straight-line program is 1 cycle per instruction from
     * SRAM, so there simulated MHz = MIPS; from flash at 2 WS its 32-bit ADD.W lines stall, so MHz > MIPS.
     */
    private static void measure(String name, Stm32F103 chip) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        chip.runFor(300_000_000L); // warm-up
        double best = 0;
        for (int round = 0; round < 8; round++) {
            long cycles = chip.core().cycles();
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            chip.runFor(200_000_000L);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            long ran = chip.core().cycles() - cycles;
            best = Math.max(best, ran / cpuSeconds / 1e6);
            System.out.printf(Locale.ROOT, "%-34s %7.1f sim. MHz per wall second; %7.1f sim. MHz per CPU second%n",
                    name, ran / wallSeconds / 1e6, ran / cpuSeconds / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-34s best round: %.1f simulated MHz per CPU second%n", name, best);
    }

    public static void main(String[] args) {
        measure("chip, SRAM, straight-line ALU", fromSram());
        measure("chip, flash 2 WS, straight-line ALU", fromFlashTwoWaitStates());
    }
}
