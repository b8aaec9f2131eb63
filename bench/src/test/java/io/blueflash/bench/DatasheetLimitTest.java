package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasheetLimitTest {

    @Test
    void givenFullPageWrite_whenLimit_thenEraseOfEveryPagePlusHalfWordsTimesTprog() {
        // 64 pages x 30 ms + 32768 half-words x 52.5 us (facts §B.8)
        assertThat(DatasheetLimit.write(64, false, 64 * 1024)).isEqualTo(1_920_000_000L + 1_720_320_000L);
    }

    @Test
    void givenMassErasedWrite_whenLimit_thenOneMassEraseTime() {
        assertThat(DatasheetLimit.write(0, true, 2)).isEqualTo(30_000_000L + 52_500L);
    }

    @Test
    void givenNothingToDo_whenLimit_thenZero() {
        assertThat(DatasheetLimit.write(0, false, 0)).isZero();
    }

    @Test
    void givenSwdReadAt4MHz_whenLimit_thenFortySixBitsPerWord() {
        assertThat(DatasheetLimit.read(64 * 1024, BenchTransport.STLINK_V2_4000KHZ)).isEqualTo(188_416_000L);
        assertThat(DatasheetLimit.read(64 * 1024, BenchTransport.SIM_DIRECT)).isEqualTo(188_416_000L);
    }

    @Test
    void givenV3At24MHz_whenLimit_thenSwdStillSlowerThanHighSpeedUsb() {
        assertThat(DatasheetLimit.read(64 * 1024, BenchTransport.STLINK_V3)).isEqualTo(Math.round(16384 * 46 * 1e9 / 24e6));
    }

    @Test
    void givenUartAt115200_whenLimit_thenElevenBitsPerByte() {
        assertThat(DatasheetLimit.uart(64 * 1024, 115_200))
                .isEqualTo(Math.round(65536 * 11 * 1e9 / 115200));
    }
}
