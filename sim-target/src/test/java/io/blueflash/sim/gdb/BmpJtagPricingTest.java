package io.blueflash.sim.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.gdb.BmpMonitor.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated BMP after {@code jtag_scan} (or {@code auto_scan}, which finds the F1 on JTAG first)
 * reaches the chip through its JTAG-DP: a memory read costs the JTAG scans BMP's firmware shifts, at the
 * clock {@code monitor frequency} set (ADIv5 JTAG-DP: 41 TCK per DPACC/APACC scan on the F1's two-TAP
 * chain, 15 per IR scan), not the SWD transactions of the same accesses; {@code swd_scan} goes back to SWD.
 */
class BmpJtagPricingTest {

    private static final int SRAM = 0x2000_0000;
    /** TCK cycles from Run-Test/Idle: 3 to Shift-DR, 35 + 1 BYPASS bit, 2 back to Idle; IR: 4 + 5 + 4 + 2. */
    private static final int DR_SCAN = 41, IR_SCAN = 15;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdBmpTarget target = new SwdBmpTarget(chip);

    @ParameterizedTest(name = "{0} at {1} Hz")
    @CsvSource({"jtag_scan, 4000000", "jtag_scan, 1000000", "auto_scan, 400000"})
    void givenScannedOverJtag_whenSramWordRead_thenItCostsItsJtagScansAtTheSwjClockExactly(String scan, long hz) {
        assertThat(BmpMonitor.run(target, "frequency " + hz).status()).isEqualTo(Status.OK);
        attachedAfter(scan);
        target.readMemory(SRAM, 4); // CSW now holds the 32-bit auto-increment setting

        long nanos = timeOf(() -> target.readMemory(SRAM, 4));

        // TAR write (IR to APACC), DRW read, RDBUFF read (IR to DPACC) that brings the posted DRW value
        long cycles = IR_SCAN + DR_SCAN + DR_SCAN + IR_SCAN + DR_SCAN;
        assertThat(nanos).isEqualTo(cycles * 1_000_000_000L / hz);
        assertThat(target.overJtag()).isTrue();
    }

    @ParameterizedTest(name = "at {0} Hz")
    @ValueSource(longs = {4_000_000L, 1_000_000L})
    void givenJtagThenSwdScan_whenTheSameReadTimed_thenSwdPricingIsBackAndDiffersFromJtag(long hz) {
        target.setSwjFrequencyHz(hz);
        attachedAfter("jtag_scan");
        target.readMemory(SRAM, 4);
        long overJtag = timeOf(() -> target.readMemory(SRAM, 4));
        attachedAfter("swd_scan");
        target.readMemory(SRAM, 4);

        long overSwd = timeOf(() -> target.readMemory(SRAM, 4));

        // three SWD transactions (TAR write, DRW read, RDBUFF read): 46 bits each plus the idle cycles
        long swdBits = 3L * (46 + chip.debugPort().idleCycles());
        assertThat(overSwd).isEqualTo(swdBits * 1_000_000_000L / hz);
        assertThat(overJtag).isEqualTo(153L * 1_000_000_000L / hz).isNotEqualTo(overSwd);
        assertThat(target.overJtag()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jtag_scan", "swd_scan"})
    void givenEitherScan_whenFlashPageProgrammedAndReadBack_thenSameDataAndIdentification(String scan) {
        BmpMonitor.Result result = BmpMonitor.run(target, scan);
        target.attach(1);
        byte[] data = new byte[1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13 + 5);
        }

        target.flashErase(0x0800_0000, 1024);
        target.flashWrite(0x0800_0000, data);
        target.flashDone();

        assertThat(result.output()).anyMatch(line -> line.contains("STM32F1 medium density"));
        assertThat(target.readMemory(0x0800_0000, 1024)).isEqualTo(data);
        assertThat(chip.saveState().flash()).startsWith(data);
        target.writeRegister(1, 0x1234_5678);
        assertThat(target.readRegister(1)).as("r1 through DCRSR/DCRDR").isEqualTo(0x1234_5678);
    }

    private void attachedAfter(String scan) {
        assertThat(BmpMonitor.run(target, scan).status()).isEqualTo(Status.OK);
        target.attach(1);
    }

    private long timeOf(Runnable access) {
        long start = chip.clock().nanos();
        access.run();
        return chip.clock().nanos() - start;
    }
}
