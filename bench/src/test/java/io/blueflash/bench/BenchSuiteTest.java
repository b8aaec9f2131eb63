package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench wiring works end to end on the fast paths; timings are printed by the command, never asserted. */
class BenchSuiteTest {

    @Test
    void givenStLinkV3_whenMassErase_thenSimulatedTimeAtLeastTmeAndCommandsCounted() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V3, BenchScenario.MASS_ERASE, true);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.note()).isEqualTo("MER");
        assertThat(r.limitNanos()).isEqualTo(DatasheetLimit.T_MASS_ERASE_NANOS);
        assertThat(r.simulatedNanos()).isGreaterThanOrEqualTo(DatasheetLimit.T_MASS_ERASE_NANOS);
        assertThat(r.usbTransactions()).isPositive();
        assertThat(r.swdTransactions()).isPositive();
        assertThat(r.serialBytes()).isZero();
    }

    @Test
    void givenStLinkV3_whenRead64k_thenLimitIsTheSwdRateAndNoSwdCountWhenNotAsked() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.STLINK_V3, BenchScenario.READ_64K, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.limitNanos()).isEqualTo(DatasheetLimit.read(64 * 1024, BenchTransport.STLINK_V3));
        assertThat(r.simulatedNanos()).isGreaterThanOrEqualTo(r.limitNanos());
        assertThat(r.swdTransactions()).isEqualTo(-1);
    }

    @Test
    void givenBmp_whenMassErase_thenSerialBytesCounted() {
        BenchResult r = BenchSuite.runOne("stm32f103c8", BenchTransport.BMP, BenchScenario.MASS_ERASE, false);

        assertThat(r.failed()).as(r.note()).isFalse();
        assertThat(r.serialBytes()).isPositive();
        assertThat(r.usbTransactions()).isZero();
    }

    @Test
    void givenUnknownProfile_whenRun_thenFailedResultNamesTheError() {
        BenchResult r = BenchSuite.runOne("stm32f999", BenchTransport.SIM_DIRECT, BenchScenario.MASS_ERASE, false);

        assertThat(r.failed()).isTrue();
        assertThat(r.note()).startsWith("FAILED: ").contains("stm32f999");
    }
}
