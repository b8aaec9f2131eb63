package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gang bench writes every board through its own probe stack; its timings are printed, never asserted. */
class GangScalingTest {

    @Test
    void givenThreeStLinkV3Boards_whenGangWritten_thenAllWrittenAndTheSlowestTakesAsLongAsOneBoardAlone() {
        GangScaling.Row one = GangScaling.runOnce("stm32f103c8", BenchTransport.STLINK_V3, 1, 8 * 1024);
        GangScaling.Row three = GangScaling.runOnce("stm32f103c8", BenchTransport.STLINK_V3, 3, 8 * 1024);

        assertThat(three.written()).as(three.note()).isEqualTo(3);
        assertThat(one.simNanos()).as("8 KB programmed: simulated time passed").isPositive();
        assertThat(three.simNanos()).as("boards program in parallel, each on its own simulated clock")
                .isEqualTo(one.simNanos());
    }
}
