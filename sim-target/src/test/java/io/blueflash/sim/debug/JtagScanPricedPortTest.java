package io.blueflash.sim.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;

/**
 * A probe's JTAG scans on the chip's clock: a DR scan per DP/AP access, an IR scan when the instruction
 * changes, a second DPACC scan to collect a DP register read, ABORT and IDCODE as instructions of their
 * own, each TCK cycle one period of the JTAG clock, and the SW-DP's own wire bits not charged.
 */
class JtagScanPricedPortTest {

    private static final int DR = JtagScanPricedPort.DR_SCAN_CYCLES, IR = JtagScanPricedPort.IR_SCAN_CYCLES;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private long tckHz = 1_000_000L;
    private final JtagScanPricedPort port = new JtagScanPricedPort(chip.debugPort().withoutWireCost(), chip.clock(),
            () -> tckHz);

    @Test
    void givenTapReset_whenIdcodeThenCtrlStatThenAnApRead_thenIrScansOnlyWhereTheInstructionChanges() {
        port.lineReset();
        long start = chip.clock().nanos();

        SwdResponse idcode = port.read(false, 0x0);
        port.read(false, 0x4);
        port.read(true, 0xC);

        assertThat(idcode.data()).isEqualTo(0x1BA0_1477);
        long cycles = JtagScanPricedPort.IDCODE_SCAN_AFTER_RESET_CYCLES // IDCODE already in both TAPs' IRs
                + IR + 2 * DR  // DPACC: CTRL/STAT read, then RDBUFF to collect it
                + IR + DR;     // APACC
        assertThat(port.cycles()).isEqualTo(JtagScanPricedPort.TAP_RESET_CYCLES + cycles);
        assertThat(chip.clock().nanos() - start).isEqualTo(cycles * 1_000L);
    }

    @Test
    void givenDpaccSelected_whenAbortWrittenThenCtrlStatWritten_thenAbortInstructionAndBackCostTwoIrScans() {
        port.lineReset();
        port.read(false, 0x0);
        port.read(false, 0xC);
        long before = port.cycles();

        port.write(false, 0x0, SwDebugPort.ABORT_STKERRCLR);
        port.write(false, 0x4, SwDebugPort.CDBGPWRUPREQ);
        port.read(false, 0xC);

        assertThat(port.cycles() - before).isEqualTo(2 * IR + 3 * DR);
    }

    @Test
    void givenJtagClockRaised_whenTheSameScan_thenItCostsLessTimeBySameCycles() {
        port.lineReset();
        port.read(false, 0x0);
        port.read(false, 0xC);
        long slow = elapsed(() -> port.read(false, 0xC));
        tckHz = 9_000_000L;
        long fast = elapsed(() -> port.read(false, 0xC));

        assertThat(slow).isEqualTo(DR * 1_000L);
        assertThat(fast).isBetween(DR * 1_000L / 9, DR * 1_000L / 9 + 1);
    }

    private long elapsed(Runnable scan) {
        long start = chip.clock().nanos();
        scan.run();
        return chip.clock().nanos() - start;
    }
}
