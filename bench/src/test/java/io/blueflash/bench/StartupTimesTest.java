package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTimesTest {

    @Test
    void givenClassesOutsideAJar_whenMeasured_thenNothingIsLaunched() {
        assertThat(StartupTimes.ownJar()).isEmpty();
        assertThat(StartupTimes.measure(3)).isEmpty();
    }

    @Test
    void givenVersionMedianUnderFourTenths_whenEvaluated_thenTargetMet_andOtherCommandsAreNotJudged() {
        List<BenchTargets.Verdict> verdicts = BenchTargets.evaluateStartup(List.of(
                new StartupTimes.Figure("blueflash --version", 390_000_000L, 300_000_000L, 5),
                new StartupTimes.Figure("blueflash --probe sim info", 900_000_000L, 800_000_000L, 5)));

        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.met()).isTrue();
            assertThat(v.measured()).startsWith("0.390 s median of 5 runs");
        });
    }

    @Test
    void givenVersionMedianOverFourTenths_whenEvaluated_thenTargetMissed() {
        assertThat(BenchTargets.evaluateStartup(List.of(
                new StartupTimes.Figure("blueflash --version", 410_000_000L, 350_000_000L, 5))))
                .singleElement().extracting(BenchTargets.Verdict::met).isEqualTo(false);
    }
}
