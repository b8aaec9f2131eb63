package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.FlashTiming;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.chip.TimingCorner;
import io.blueflash.sim.chip.TimingPreset;
import io.blueflash.sim.debug.JtagScanPricedPort;
import org.junit.jupiter.api.Test;

class SpeedLimitTest {

    private static final FlashTiming TYP = FlashTiming.datasheet(TimingCorner.TYP);

    @Test
    void givenPageErasePlan_whenFlashLimit_thenEraseTimesPlusHalfWordsTimesTprog() {
        SpeedLimit.Limit limit = SpeedLimit.write(TYP, BenchTransport.STLINK_V2_4000KHZ, 64, false, 64 * 1024, false);

        assertThat(limit.nanos()).isEqualTo(1_920_000_000L + 1_720_320_000L);
        assertThat(limit.counts()).isEqualTo("flash");
    }

    @Test
    void givenVerifiedWrite_whenLimit_thenTheReadBackAtTheLinkRateIsAdded() {
        SpeedLimit.Limit limit = SpeedLimit.write(TYP, BenchTransport.STLINK_V2_4000KHZ, 0, false, 64 * 1024, true);

        assertThat(limit.nanos()).isEqualTo(1_720_320_000L + 188_416_000L);
        assertThat(limit.counts()).isEqualTo("flash+read");
    }

    @Test
    void givenMeasuredPreset_whenFlashLimit_thenItsTprogCounts() {
        long nanos = SpeedLimit.flash(TimingPreset.MEASURED.flashTiming(), 0, true, 2);

        assertThat(nanos).isEqualTo(FlashTiming.MEASURED_PAGE_ERASE_NANOS + FlashTiming.MEASURED_PROGRAM_NANOS);
    }

    @Test
    void givenBootloaderWriteAndVerifyOfBlankPages_whenLimit_thenTheLineCarries268BytesPer256EachWay() {
        SpeedLimit.Limit limit = SpeedLimit.write(TYP, BenchTransport.BOOTLOADER_115200, 0, false, 64 * 1024, true);

        assertThat(SpeedLimit.blocks(64 * 1024)).isEqualTo(256 * 268);
        assertThat(limit.nanos()).isEqualTo(Math.round(2 * 256 * 268 * 11 * 1e9 / 115_200));
        assertThat(limit.counts()).isEqualTo("line");
    }

    @Test
    void givenBootloaderPageErase_whenLimit_thenTheEraseFrameIsOnTheLineToo() {
        long withErase = SpeedLimit.write(TYP, BenchTransport.BOOTLOADER_115200, 64, false, 1024, false).nanos();
        long without = SpeedLimit.write(TYP, BenchTransport.BOOTLOADER_115200, 0, false, 1024, false).nanos();

        assertThat(withErase - without).isEqualTo(SpeedLimit.uart(6 + 64, 115_200));
    }

    @Test
    void givenFullSpeedUsbAt4MHz_whenRead64k_thenSwdBoundLimit() {
        assertThat(SpeedLimit.read(64 * 1024, BenchTransport.STLINK_V2_4000KHZ).nanos()).isEqualTo(188_416_000L);
        assertThat(SpeedLimit.read(64 * 1024, BenchTransport.SIM_DIRECT).nanos()).isEqualTo(188_416_000L);
    }

    @Test
    void givenV3At24MHz_whenRead64k_thenSwdBitsBound() {
        assertThat(SpeedLimit.read(64 * 1024, BenchTransport.STLINK_V3).nanos())
                .isEqualTo(Math.round(16384 * 46 * 1e9 / 24e6));
    }

    @Test
    void givenV2OverJtagAt4500kHz_whenRead64k_thenOne41CycleApaccScanPerWordBounds() {
        SpeedLimit.Limit limit = SpeedLimit.read(64 * 1024, BenchTransport.STLINK_V2_JTAG_4500KHZ);

        // 16384 words x 41 TCK = 671 744 cycles at 4.5 MHz = 149.276 444 ms (full-speed USB would allow 53.9 ms)
        assertThat(limit.nanos()).isEqualTo(149_276_444L);
        assertThat(limit.counts()).isEqualTo("link");
    }

    @Test
    void givenVerifiedWriteOverJtag_whenLimit_thenTheReadBackIsAtTheJtagRate() {
        SpeedLimit.Limit limit = SpeedLimit.write(TYP, BenchTransport.STLINK_V2_JTAG_4500KHZ, 0, false, 64 * 1024, true);

        assertThat(limit.nanos()).isEqualTo(1_720_320_000L + 149_276_444L);
        assertThat(limit.counts()).isEqualTo("flash+read");
    }

    @Test
    void givenTheSimulatedJtagDp_whenAnApReadFollowsAnother_thenItChargesJtagTckPerWord() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        JtagScanPricedPort port = new JtagScanPricedPort(chip.debugPort().withoutWireCost(), chip.clock(),
                () -> 4_500_000L);
        port.lineReset();
        port.read(true, 0x0); // the first APACC scan pays the IR scan and the boundary TAP's IDCODE
        long before = port.cycles();

        port.read(true, 0x0);

        assertThat(port.cycles() - before).isEqualTo(SpeedLimit.JTAG_TCK_PER_WORD);
    }

    @Test
    void givenUart_whenBytes_thenElevenBitsEach() {
        assertThat(SpeedLimit.uart(64 * 1024, 115_200)).isEqualTo(Math.round(64 * 1024 * 11 * 1e9 / 115_200));
    }
}
