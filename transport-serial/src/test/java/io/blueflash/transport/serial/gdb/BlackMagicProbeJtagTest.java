package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.service.WriteImageService;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transport option {@code bmp.jtag=true} ({@code --protocol jtag}): the host finds the target with
 * {@code monitor jtag_scan}, and the BMP emulator then reaches the chip through its JTAG-DP for every
 * access of the session, a whole write included.
 */
class BlackMagicProbeJtagTest {

    private static final ProbeSelector SELECTOR = new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT);
    private static final ConnectOptions JTAG = ConnectOptions.defaults()
            .withTransportOption(BlackMagicTargetConnection.JTAG_OPTION, "true");

    private final EmulatedBlackMagicProbe probe = new EmulatedBlackMagicProbe("stm32f103c8");

    @AfterEach
    void close() {
        probe.close();
        assertThat(probe.failure()).isNull();
    }

    @Test
    void givenJtagOption_whenConnected_thenJtagScanFoundTheF1AndTheProbeWorksOverTheJtagDp() {
        try (TargetConnection connection = probe.connector().connect(SELECTOR, JTAG)) {
            String scan = ((BlackMagicTargetConnection) connection).scanOutput();

            assertThat(scan).contains("JTAG-DP IDCODE 0x3BA00477").doesNotContain("SW-DP");
            // the chain's device table: its row "1 5 0x06410041 ..." is a TAP, not target 1
            assertThat(scan).contains("Device  IR Len", "1\t5\t0x06410041");
            assertThat(connection.probe().description()).contains("over JTAG", "target: STM32F1 medium density M3");
            assertThat(connection.memoryAccess().orElseThrow().read32(0xE004_2000)).isEqualTo(0x2003_6410);
            assertThat(probe.emulator.overJtag()).isTrue();
        }
    }

    /** What firmware does to keep the SW-DP only (AFIO clock on, AFIO_MAPR.SWJ_CFG = 010, RM0008 §9.3.5). */
    private void firmwareLeavesSwDpOnly() {
        probe.chip.cpuBus().write(0x4002_1018, 4, 1);
        probe.chip.cpuBus().write(0x4001_0004, 4, 0b010 << 24);
    }

    @Test
    void givenFirmwareThatDisabledTheJtagDp_whenConnectingOverJtag_thenNoTargetWithTheJtagWiresAndConnectUnderReset() {
        firmwareLeavesSwDpOnly();

        assertThatThrownBy(() -> probe.connector().connect(SELECTOR, JTAG))
                .isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("found no target on JTAG (monitor jtag_scan:")
                .hasMessageContaining("JTAG device scan failed!")
                .hasMessageContaining("TMS, TCK, TDI, TDO")
                .hasMessageContaining("AFIO_MAPR.SWJ_CFG, RM0008 §9.3.5")
                .hasMessageContaining("--connect-under-reset");
        try (TargetConnection overSwd = probe.connector().connect(SELECTOR, ConnectOptions.defaults())) {
            assertThat(((BlackMagicTargetConnection) overSwd).scanOutput()).contains("SW-DP DPIDR 0x1BA01477");
        }
    }

    @Test
    void givenFirmwareThatDisabledTheJtagDp_whenConnectingOverJtagUnderReset_thenTheProbeHoldsNrstAndGetsIn() {
        firmwareLeavesSwDpOnly();

        try (TargetConnection connection = probe.connector().connect(SELECTOR, JTAG.withMode(ConnectMode.UNDER_RESET))) {
            assertThat(((BlackMagicTargetConnection) connection).scanOutput()).contains("JTAG-DP IDCODE 0x3BA00477");
            assertThat(connection.memoryAccess().orElseThrow().read32(0xE004_2000)).isEqualTo(0x2003_6410);
            assertThat(probe.emulator.overJtag()).isTrue();
        }
    }

    @Test
    void givenJtagOptionFalseOrAbsent_whenConnected_thenSwdScan() {
        for (ConnectOptions options : List.of(ConnectOptions.defaults(),
                ConnectOptions.defaults().withTransportOption(BlackMagicTargetConnection.JTAG_OPTION, "false"))) {
            try (TargetConnection connection = probe.connector().connect(SELECTOR, options)) {
                assertThat(((BlackMagicTargetConnection) connection).scanOutput()).contains("SW-DP DPIDR 0x1BA01477");
                assertThat(connection.probe().description()).doesNotContain("JTAG");
                assertThat(probe.emulator.overJtag()).isFalse();
            }
        }
    }

    @Test
    void givenJtagOption_whenImageWrittenThroughTheWriteService_thenFlashHoldsItAndEveryAccessWasOverJtag() {
        byte[] data = TestImages.randomBytes(5 * 1024 + 300, 41);

        WriteReport report = new WriteImageService(List.of(probe.connector())).write(new WriteImageRequest(SELECTOR,
                JTAG, FirmwareImage.binary(0x0800_0000L, data), FlashOptions.defaults(), event -> { }));

        assertThat(report.verified()).isTrue();
        assertThat(report.pagesProgrammed()).isEqualTo(6);
        assertThat(Arrays.copyOf(probe.chip.saveState().flash(), data.length)).isEqualTo(data);
        assertThat(probe.emulator.overJtag()).as("the session's last scan was jtag_scan").isTrue();
    }
}
