package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTraceTest {

    @Test
    void givenSimulatedTime_whenFormatted_thenMicrosecondsLayerAndText() {
        assertThat(ConsoleTrace.line("swd", 12_375, "READ DP DPIDR -> 0x1BA01477"))
                .isEqualTo("[    12.375 us] swd   READ DP DPIDR -> 0x1BA01477");
    }

    @Test
    void givenRealHardware_whenFormatted_thenTimeColumnBlank() {
        assertThat(ConsoleTrace.line("usb", -1, "GET_VERSION")).isEqualTo("               usb   GET_VERSION");
    }
}
