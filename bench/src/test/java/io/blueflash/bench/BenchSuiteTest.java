package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingPreset;
import org.junit.jupiter.api.Test;

/** The bench wiring works end to end on the fast paths; timings are printed by the command, never asserted. */
class BenchSuiteTest {

    @Test
    void givenStLinkV3_whenMassErase_thenSimulatedTimeAtLeastTmeAndCommandsCounted() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V3, BenchScenario.MASS_ERASE,
                TimingPreset.DATASHEET, true);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.note()).isEqualTo("MER");
        assertThat(r.limitNanos()).isEqualTo(30_000_000L);
        assertThat(r.limitCounts()).isEqualTo("t_ME");
        assertThat(r.simulatedNanos()).isGreaterThanOrEqualTo(r.limitNanos());
        assertThat(r.usbTransactions()).isPositive();
        assertThat(r.swdTransactions()).isPositive();
        assertThat(r.serialBytes()).isZero();
    }

    @Test
    void givenStLinkV3_whenRead64k_thenLimitIsTheSwdRateAndNoSwdCountWhenNotAsked() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V3, BenchScenario.READ_64K,
                TimingPreset.DATASHEET, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.limitNanos()).isEqualTo(SpeedLimit.read(64 * 1024, BenchTransport.STLINK_V3).nanos());
        assertThat(r.simulatedNanos()).isGreaterThanOrEqualTo(r.limitNanos());
        assertThat(r.swdTransactions()).isEqualTo(-1);
    }

    @Test
    void givenStLinkV2OverJtag_whenConnected_thenTheProbeRunsJtagAt4500kHz() {
        try (BenchRig rig = BenchRig.create(BenchTransport.STLINK_V2_JTAG_4500KHZ, Stm32F103.create("stm32f103c8"),
                TimingPreset.DATASHEET, false);
             TargetConnection c = rig.connector().connect(rig.selector(), rig.options())) {

            assertThat(c.probe().description()).contains("JTAG 4500 kHz", "JTAG IDCODE 0x3BA00477");
        }
    }

    @Test
    void givenStLinkV2OverJtag_whenRead64k_thenTheLimitIsTheJtagScanRateAndAFloor() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V2_JTAG_4500KHZ, BenchScenario.READ_64K,
                TimingPreset.DATASHEET, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.limitCounts()).isEqualTo("link");
        assertThat(r.limitNanos()).isEqualTo(SpeedLimit.read(64 * 1024, BenchTransport.STLINK_V2_JTAG_4500KHZ).nanos());
        assertThat(r.simulatedNanos()).as("the scans' limit is a floor").isGreaterThanOrEqualTo(r.limitNanos());
        assertThat(r.usbTransactions()).isPositive();
    }

    @Test
    void givenStLinkV2OverJtag_whenTheSameImageIsWrittenAgain_thenEveryPageIsSkippedAndVerified() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V2_JTAG_4500KHZ,
                BenchScenario.REWRITE_SAME_64K, TimingPreset.MEASURED, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.note()).isEqualTo("0 programmed, 0 erased, 64 skipped, verified");
        assertThat(r.limitNanos()).isZero();
    }

    @Test
    void givenBmp_whenMassErase_thenSerialBytesCounted() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.BMP, BenchScenario.MASS_ERASE,
                TimingPreset.DATASHEET, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.serialBytes()).isPositive();
        assertThat(r.usbTransactions()).isZero();
    }

    @Test
    void givenMeasuredPreset_whenMassErase_thenTheLimitIsThePresetsTme() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V2_4000KHZ, BenchScenario.MASS_ERASE,
                TimingPreset.MEASURED, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.preset()).isEqualTo(TimingPreset.MEASURED);
        assertThat(r.limitNanos()).isEqualTo(TimingPreset.MEASURED.flashTiming().massEraseNanos());
    }

    @Test
    void givenBootloaderAssumeBlank_when4KbWritten_thenNothingErasedVerifiedAndTheLimitIsTheLine() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.BOOTLOADER_115200,
                BenchScenario.WRITE_64K_ASSUME_BLANK, TimingPreset.DATASHEET, false, 4096);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.note()).isEqualTo("4 programmed, 0 erased, 0 skipped, verified");
        assertThat(r.limitCounts()).isEqualTo("line");
        assertThat(r.limitNanos()).isEqualTo(SpeedLimit.uart(2 * SpeedLimit.blocks(4096), 115_200));
        assertThat(r.simulatedNanos()).as("the line's limit is a floor").isGreaterThan(r.limitNanos());
    }

    @Test
    void givenUnknownProfile_whenRun_thenFailedResultNamesTheError() {
        BenchResult r = BenchSuite.runOne("stm32f999", BenchTransport.SIM_DIRECT, BenchScenario.MASS_ERASE,
                TimingPreset.DATASHEET, false);

        assertThat(r.failed()).isTrue();
        assertThat(r.note()).startsWith("FAILED: ").contains("stm32f999");
    }
}
