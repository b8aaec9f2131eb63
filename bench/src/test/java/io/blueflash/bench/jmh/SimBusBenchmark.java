package io.blueflash.bench.jmh;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.bus.SystemBus;
import io.blueflash.sim.probe.SwdProbeEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The simulator's hot paths: one bus access as the CPU makes it (SRAM and flash reads, an SRAM
 * write), one AHB-AP word read through SWD transactions (SELECT/TAR/DRW/RDBUFF, each charged its bits
 * on the clock), and a 1 KB block read through the MEM-AP's auto-increment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SimBusBenchmark {

    private SystemBus cpu;
    private SwdProbeEngine swd;
    private int i;

    @Setup
    public void setUp() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        cpu = chip.cpuBus();
        swd = new SwdProbeEngine(chip.swd());
        swd.connect();
    }

    @Benchmark
    public int cpuReadSram32() {
        i = (i + 4) & 0x3FFC;
        return cpu.read(0x2000_0000 + i, 4);
    }

    @Benchmark
    public void cpuWriteSram32() {
        i = (i + 4) & 0x3FFC;
        cpu.write(0x2000_0000 + i, 4, i);
    }

    @Benchmark
    public int cpuReadFlash16() {
        i = (i + 2) & 0xFFFE;
        return cpu.read(0x0800_0000 + i, 2);
    }

    @Benchmark
    public int swdRead32() {
        i = (i + 4) & 0x3FFC;
        return swd.read32(0x2000_0000 + i);
    }

    @Benchmark
    public byte[] swdReadBlock1k() {
        return swd.readBlock(0x0800_0000, 1024, 4);
    }
}
