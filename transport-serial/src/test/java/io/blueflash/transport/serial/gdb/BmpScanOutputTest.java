package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BmpScanOutputTest {

    @Test
    void givenJtagScanWithADeviceTable_whenParsed_thenOnlyTheRowsBelowAvailableTargetsAreTargets() {
        // a BMP's jtag_scan on a Blue Pill: the chain's two TAPs (the Cortex-M3's JTAG-DP, then the F1's
        // boundary-scan TAP), rows that start with their position in the chain, then the target list
        String output = """
                Target voltage: 3.30V
                Device  IR Len  IDCODE      Description
                0\t4\t0x3BA00477\tARM Limited: ADIv5 JTAG-DP port.
                1\t5\t0x16410041\tST Microelectronics: STM32F1 medium density.
                Available Targets:
                No. Att Driver
                 1      STM32F1 medium density M3
                """;

        BmpScanOutput scan = BmpScanOutput.parse(output);

        assertThat(scan.first()).hasValue("STM32F1 medium density M3");
        assertThat(scan.targets()).containsExactly("STM32F1 medium density M3");
    }

    @Test
    void givenSwdScanWithAnAttachedTargetAndASecond_whenParsed_thenBothInOrderWithoutTheMark() {
        String output = """
                Target voltage: 3.3V
                Available Targets:
                No. Att Driver
                 1   *  STM32F1 medium density M3
                 2      ARM Cortex-M
                """;

        assertThat(BmpScanOutput.parse(output).targets())
                .containsExactly("STM32F1 medium density M3", "ARM Cortex-M");
    }

    @Test
    void givenAFailedJtagScanThatListedDevices_whenParsed_thenNoTarget() {
        String output = """
                Target voltage: 3.30V
                Device  IR Len  IDCODE      Description
                0\t4\t0x3BA00477\tARM Limited: ADIv5 JTAG-DP port.
                1\t5\t0x16410041\tST Microelectronics: STM32F1 medium density.
                JTAG device scan failed!
                """;

        assertThat(BmpScanOutput.parse(output).first()).isEmpty();
    }

    @Test
    void givenNoUsableTargets_whenParsed_thenEmpty() {
        assertThat(BmpScanOutput.parse("Available Targets:\nNo. Att Driver\nNo usable targets found.\n").targets())
                .isEmpty();
    }
}
