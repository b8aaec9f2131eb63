package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gang bench writes every board through its own probe stack; its timings are printed, never asserted. */
class GangScalingTest {

    @Test
    void givenThreeStLinkV3Boards_whenGangWritten_thenAllWrittenAndTheSlowestBoardsTimeIsAtLeastTheDatasheets() {
        GangScaling.Row row = GangScaling.runOnce("stm32f103c8", BenchTransport.STLINK_V3, 3, 8 * 1024);

        assertThat(row.written()).as(row.note()).isEqualTo(3);
        assertThat(row.simNanos()).as("8 KB programmed on the slowest board (a fresh chip: nothing to erase)")
                .isGreaterThanOrEqualTo(DatasheetLimit.write(0, false, 8 * 1024));
        assertThat(row.wallNanos()).isPositive();
    }
}
