package io.blueflash.bench;

import io.blueflash.image.ImageReader;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.run.FirmwareRun;
import io.blueflash.sim.run.RunOutcome;

/**
 * Interpreter speed of the simulated Cortex-M3, printed (not asserted: speed figures live in
 * benchmarks, never in timed tests). Runs the test firmware's {@code busyloop} (72 MHz, a CRC-32
 * loop: loads, ALU, shifts, branches) for a simulated duration and reports simulated core MHz per
 * host second: above 72 the simulated Blue Pill runs faster than real time. Both per wall second and
 * per CPU second of the running thread: on a shared machine the second is the interpreter's own speed.
 *
 * <pre>./mvnw -B -o -q -pl bench -am -Pcore-speed test-compile</pre>
 */
public final class CoreSpeedMain {

    private CoreSpeedMain() {
    }

    public static void main(String[] args) {
        double simulatedSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var elf = FirmwareBuild.app("busyloop", "elf");
        System.out.printf("core speed: busyloop.elf (CRC-32 loop at HCLK 72 MHz, flash 2 WS), %.1f s simulated per round,"
                + " %d rounds, %d host CPUs%n", simulatedSeconds, rounds, Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            Stm32F103 chip = Stm32F103.create("stm32f103c8");
            FirmwareRun.program(chip, ImageReader.readFile(elf, 0));
            long cyclesBefore = chip.core().cycles();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RunOutcome outcome = new FirmwareRun(chip, new FirmwareRun.Listener() { }).run((long) (simulatedSeconds * 1e9));
            double host = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            long cycles = chip.core().cycles() - cyclesBefore;
            System.out.printf("  round %d: %s, %,d core cycles; wall %.3f s = %.1f simulated MHz per second;"
                            + " CPU %.3f s = %.1f simulated MHz per CPU second (%.2f x real time at 72 MHz)%n", round,
                    outcome.getClass().getSimpleName(), cycles, host, cycles / host / 1e6, cpu, cycles / cpu / 1e6,
                    cycles / cpu / 72e6);
        }
    }
}
