package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.TimingPreset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The targets' arithmetic on made-up rows (figures are printed by the bench, never asserted). */
class BenchTargetsTest {

    private static SideBySide.Row side(SideBySide.Job job, String tool, long nanos, long limit) {
        return new SideBySide.Row(TimingPreset.DATASHEET, job, tool, 65536, nanos, limit, limit == 0 ? "-" : "line", 0, 0,
                "", false);
    }

    @Test
    void givenBlueflashAndStm32flashRows_whenEvaluated_thenRatioAgainstTheToolAndTheLine() {
        List<SideBySide.Row> rows = List.of(
                side(SideBySide.Job.BOOTLOADER_WRITE_VERIFY, "blueflash write --assume-blank", 14_800_000_000L,
                        13_100_000_000L),
                side(SideBySide.Job.BOOTLOADER_WRITE_VERIFY, "stm32flash -w IMAGE -v", 16_750_000_000L, 0));

        List<BenchTargets.Verdict> verdicts = BenchTargets.evaluate(List.of(), rows);

        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.target()).contains("stm32flash");
            assertThat(v.goal()).isEqualTo("<= 0.90x");
            assertThat(v.measured()).startsWith("0.884x");
            assertThat(v.met()).isTrue();
        }).anySatisfy(v -> {
            assertThat(v.target()).contains("line's limit");
            assertThat(v.measured()).startsWith("1.130x");
            assertThat(v.met()).isTrue();
        });
    }

    @Test
    void givenASlowerBlueflashRow_whenComparedWithOpenOcd_thenMissed() {
        List<SideBySide.Row> rows = List.of(
                side(SideBySide.Job.STLINK_WRITE_VERIFY, "blueflash write (defaults)", 2_000_000_000L, 0),
                side(SideBySide.Job.STLINK_WRITE_VERIFY, "openocd program IMAGE verify", 2_000_000_000L, 0));

        assertThat(BenchTargets.evaluate(List.of(), rows)).singleElement().satisfies(v -> {
            assertThat(v.measured()).startsWith("1.000x");
            assertThat(v.met()).isFalse();
        });
    }

    @Test
    void givenWriteAndRewriteRows_whenEvaluated_thenTheShareIsTheirRatioAgainst3Percent() {
        BenchResult full = new BenchResult("stm32f103c8", BenchScenario.WRITE_64K, BenchTransport.STLINK_V3,
                TimingPreset.DATASHEET, 65536, 2_000_000_000L, 1_751_000_000L, "flash+read", 1, 1, 1, 0, -1, "", false);
        BenchResult again = new BenchResult("stm32f103c8", BenchScenario.REWRITE_SAME_64K, BenchTransport.STLINK_V3,
                TimingPreset.DATASHEET, 65536, 50_000_000L, 0, "flash+read", 1, 1, 1, 0, -1, "", false);

        assertThat(BenchTargets.evaluate(List.of(full, again), List.of()))
                .filteredOn(v -> v.target().startsWith("re-write")).singleElement()
                .satisfies(v -> {
                    assertThat(v.measured()).startsWith("2.5 %");
                    assertThat(v.met()).isTrue();
                });
    }

    @Test
    void givenJtagWriteAndRewriteRows_whenEvaluated_thenTheRewriteShareAndTheFlashRatioAreReportedForJtag() {
        long flashAndRead = 1_720_320_000L + SpeedLimit.read(65536, BenchTransport.STLINK_V2_JTAG_4500KHZ).nanos();
        BenchResult full = new BenchResult("stm32f103c8", BenchScenario.WRITE_64K, BenchTransport.STLINK_V2_JTAG_4500KHZ,
                TimingPreset.MEASURED, 65536, 1_806_336_000L, flashAndRead, "flash+read", 1, 1, 1, 0, -1, "", false);
        BenchResult again = new BenchResult("stm32f103c8", BenchScenario.REWRITE_SAME_64K,
                BenchTransport.STLINK_V2_JTAG_4500KHZ, TimingPreset.MEASURED, 65536, 72_253_440L, 0, "flash+read", 1, 1,
                1, 0, -1, "", false);

        List<BenchTargets.Verdict> verdicts = BenchTargets.evaluate(List.of(full, again), List.of());

        assertThat(verdicts).hasSize(2).anySatisfy(v -> {
            assertThat(v.target()).isEqualTo("re-write unchanged 64 KB via stlink-v2-jtag@4.5MHz vs full write [measured]");
            assertThat(v.measured()).startsWith("4.0 %");
            assertThat(v.met()).isFalse();
        }).anySatisfy(v -> {
            assertThat(v.target()).isEqualTo("ST-Link V2 over JTAG @ 4.5 MHz, write + verify 64 KB vs t_prog + erase [measured]");
            assertThat(v.measured()).startsWith("1.050x").contains("t_prog + erase 1.720 s");
            assertThat(v.met()).isTrue();
        });
    }

    @Test
    void givenAPeakRss_whenEvaluated_thenComparedWith128MB() {
        assertThat(BenchTargets.evaluateRss(OptionalLong.of(100L << 20))).singleElement()
                .satisfies(v -> assertThat(v.met()).isTrue());
        assertThat(BenchTargets.evaluateRss(OptionalLong.of(130L << 20))).singleElement()
                .satisfies(v -> assertThat(v.met()).isFalse());
        assertThat(BenchTargets.evaluateRss(OptionalLong.empty())).isEmpty();
    }
}
