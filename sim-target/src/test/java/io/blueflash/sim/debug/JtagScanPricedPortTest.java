package io.blueflash.sim.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;

/**
 * A probe's JTAG scans on the chip's clock: a DR scan per DP/AP access, an IR scan when DPACC and APACC
 * alternate, each TCK cycle one period of the JTAG clock, and the SW-DP's own wire bits not charged.
 */
class JtagScanPricedPortTest {

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private long tckHz = 1_000_000L;
    private final JtagScanPricedPort port = new JtagScanPricedPort(chip.debugPort().withoutWireCost(), chip.clock(),
            () -> tckHz);

    @Test
    void givenTapReset_whenTwoDpReadsThenAnApRead_thenIrScansOnlyWhereTheInstructionChanges() {
        port.lineReset();
        long start = chip.clock().nanos();

        port.read(false, 0x0);
        port.read(false, 0x4);
        port.read(true, 0xC);

        long cycles = 2 * JtagScanPricedPort.IR_SCAN_CYCLES + 3 * JtagScanPricedPort.DR_SCAN_CYCLES;
        assertThat(port.cycles()).isEqualTo(JtagScanPricedPort.TAP_RESET_CYCLES + cycles);
        assertThat(chip.clock().nanos() - start).isEqualTo(cycles * 1_000L);
    }

    @Test
    void givenJtagClockRaised_whenTheSameScan_thenItCostsLessTimeBySameCycles() {
        port.lineReset();
        port.read(false, 0x0);
        long slow = elapsed(() -> port.read(false, 0x4));
        tckHz = 9_000_000L;
        long fast = elapsed(() -> port.read(false, 0x4));

        assertThat(slow).isEqualTo(JtagScanPricedPort.DR_SCAN_CYCLES * 1_000L);
        assertThat(fast).isBetween(JtagScanPricedPort.DR_SCAN_CYCLES * 1_000L / 9, JtagScanPricedPort.DR_SCAN_CYCLES * 1_000L / 9 + 1);
    }

    private long elapsed(Runnable scan) {
        long start = chip.clock().nanos();
        scan.run();
        return chip.clock().nanos() - start;
    }
}
