package io.blueflash.sim.debug;

import io.blueflash.sim.trace.SwdAck;
import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;

/** One test per SW-DP / AHB-AP rule of facts §C.1–§C.4, at transaction level on the bare chip. */
class SwDebugPortRulesTest {

    private static final boolean DP = false, AP = true;
    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdTransactionPort swd = chip.swd();

    private void attach() {
        swd.lineReset();
        assertThat(swd.read(DP, 0x0).data()).isEqualTo(0x1BA0_1477);
        swd.write(DP, 0x4, 0x5000_0000);
    }

    @Test
    void givenLineReset_whenFirstTransactionIsNotDpidr_thenNoResponse() {
        swd.lineReset();
        assertThat(swd.read(DP, 0x4).ack()).isEqualTo(SwdAck.NO_RESPONSE);
        assertThat(swd.read(DP, 0x0)).isEqualTo(SwdResponse.ok(0x1BA0_1477));
        assertThat(swd.read(DP, 0x4).ack()).isEqualTo(SwdAck.OK);
    }

    @Test
    void givenPowerUpRequest_whenCtrlStatRead_thenBothAcksSet() {
        swd.lineReset();
        swd.read(DP, 0x0);
        assertThat(swd.read(DP, 0x4).data() & 0xA000_0000).isZero();
        swd.write(DP, 0x4, 0x5000_0000);
        assertThat(swd.read(DP, 0x4).data() & 0xF000_0000).isEqualTo(0xF000_0000);
    }

    @Test
    void givenNoDebugPower_whenApAccessed_thenStickyErrAndFault() {
        swd.lineReset();
        swd.read(DP, 0x0);
        assertThat(swd.read(AP, 0xC).ack()).isEqualTo(SwdAck.OK);
        assertThat(swd.read(DP, 0xC).ack()).isEqualTo(SwdAck.FAULT);
        assertThat(swd.read(DP, 0x4).data() & SwDebugPort.STICKYERR).isNotZero();
    }

    @Test
    void givenApReads_whenRead_thenEachReturnsThePreviousAndRdbuffTheLast() {
        attach();
        swd.write(DP, 0x8, 0xF0); // APBANKSEL 0xF
        int stale = swd.read(AP, 0xC).data();
        assertThat(stale).isNotEqualTo(0x1477_0011);
        assertThat(swd.read(AP, 0x8).data()).isEqualTo(0x1477_0011); // IDR posted, BASE read now
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0xE00F_F003);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0xE00F_F003); // RDBUFF has no side effect
    }

    @Test
    void givenBusError_whenFurtherTransactions_thenFaultUntilAbortClearsStickyErr() {
        attach();
        swd.write(AP, 0x0, 0x2300_0002);
        swd.write(AP, 0x4, 0x6000_0000); // unmapped
        assertThat(swd.read(AP, 0xC).ack()).isEqualTo(SwdAck.OK);
        assertThat(swd.read(DP, 0xC).ack()).isEqualTo(SwdAck.FAULT);
        assertThat(swd.write(DP, 0x8, 0).ack()).isEqualTo(SwdAck.FAULT);
        assertThat(swd.read(DP, 0x0).ack()).isEqualTo(SwdAck.OK);
        assertThat(swd.read(DP, 0x4).data() & SwDebugPort.STICKYERR).isNotZero();
        assertThat(swd.write(DP, 0x0, SwDebugPort.ABORT_STKERRCLR).ack()).isEqualTo(SwdAck.OK);
        assertThat(swd.read(DP, 0x4).data() & SwDebugPort.STICKYERR).isZero();
        assertThat(swd.write(AP, 0x4, 0x2000_0000).ack()).isEqualTo(SwdAck.OK);
    }

    @Test
    void givenCswWordAutoIncrement_whenDrwWritten_thenTarAdvancesAndWrapsAtOneKilobyte() {
        chip.debugPort().ahbAp().setAutoIncrementWrap(1024);
        attach();
        swd.write(AP, 0x0, 0x2300_0012);
        swd.write(AP, 0x4, 0x2000_03FC);
        swd.write(AP, 0xC, 0x1111_1111);
        swd.write(AP, 0xC, 0x2222_2222); // TAR wrapped to 0x2000_0000
        swd.read(AP, 0x4);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0x2000_0004);
        assertThat(chip.cpuBus().read(0x2000_03FC, 4)).isEqualTo(0x1111_1111);
        assertThat(chip.cpuBus().read(0x2000_0000, 4)).isEqualTo(0x2222_2222);
        assertThat(chip.cpuBus().read(0x2000_0400, 4)).isZero();
    }

    @Test
    void givenWrapParameter_whenFourKilobytes_thenTarCrossesOneKilobyte() {
        chip.debugPort().ahbAp().setAutoIncrementWrap(4096);
        attach();
        swd.write(AP, 0x0, 0x2300_0012);
        swd.write(AP, 0x4, 0x2000_03FC);
        swd.write(AP, 0xC, 0x1111_1111);
        swd.write(AP, 0xC, 0x2222_2222);
        assertThat(chip.cpuBus().read(0x2000_0400, 4)).isEqualTo(0x2222_2222);
    }

    @Test
    void givenByteAndHalfWordSizes_whenDrwAccessed_thenDataUsesTheByteLanesOfTar() {
        attach();
        chip.cpuBus().write(0x2000_0000, 4, 0x4433_2211);
        swd.write(AP, 0x0, 0x2300_0000); // byte, no increment
        swd.write(AP, 0x4, 0x2000_0002);
        swd.read(AP, 0xC);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0x0033_0000);
        swd.write(AP, 0xC, 0xAB00_0000 | 0x00CD_0000);
        assertThat(chip.cpuBus().read(0x2000_0000, 4)).isEqualTo(0x44CD_2211);
        swd.write(AP, 0x0, 0x2300_0001); // half-word
        swd.write(AP, 0x4, 0x2000_0002);
        swd.write(AP, 0xC, 0xBEEF_0000);
        assertThat(chip.cpuBus().read(0x2000_0000, 4)).isEqualTo(0xBEEF_2211);
    }

    @Test
    void givenPackedByteTransfers_whenDrwWritten_thenFourBytesPerWordAndTarAdvancesByFour() {
        attach();
        swd.write(AP, 0x0, 0x2300_0020); // byte size, packed increment
        swd.write(AP, 0x4, 0x2000_0100);
        swd.write(AP, 0xC, 0x4433_2211);
        assertThat(chip.cpuBus().read(0x2000_0100, 4)).isEqualTo(0x4433_2211);
        swd.read(AP, 0x4);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0x2000_0104);
    }

    @Test
    void givenBankedDataRegisters_whenRead_thenWordsAtTarBlockWithoutMovingTar() {
        attach();
        chip.cpuBus().write(0x2000_0208, 4, 0xB0B0_B0B0);
        swd.write(AP, 0x4, 0x2000_0204);
        swd.write(DP, 0x8, 0x10); // APBANKSEL 1: BD0-BD3
        swd.read(AP, 0x8);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0xB0B0_B0B0);
        swd.write(DP, 0x8, 0x00);
        swd.read(AP, 0x4);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0x2000_0204);
    }

    @Test
    void givenCswReset_whenRead_thenDeviceEnabledAsInTheR2p1Log() {
        attach();
        swd.read(AP, 0x0);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0x2300_0040);
        swd.write(AP, 0x0, 0x2300_0012 | 0x80);
        swd.read(AP, 0x0);
        assertThat(swd.read(DP, 0xC).data()).isEqualTo(0x2300_0052); // TrInProg reads 0, DeviceEn 1
    }

    @Test
    void givenWaitStorm_whenTransactions_thenWaitThenOk() {
        attach();
        chip.faults().waitStorm(3);
        assertThat(swd.read(DP, 0x4).ack()).isEqualTo(SwdAck.WAIT);
        assertThat(swd.read(DP, 0x4).ack()).isEqualTo(SwdAck.WAIT);
        assertThat(swd.read(DP, 0x4).ack()).isEqualTo(SwdAck.WAIT);
        assertThat(swd.read(DP, 0x4).ack()).isEqualTo(SwdAck.OK);
    }

    @Test
    void givenFourMegahertz_whenTransaction_thenCostsItsBitsOnTheClock() {
        attach();
        long start = chip.clock().nanos();
        swd.read(DP, 0x4);
        assertThat(chip.clock().nanos() - start).isEqualTo(48 * 250L); // 46 bits + 2 idle at 250 ns
        chip.setSwdFrequencyHz(1_000_000);
        start = chip.clock().nanos();
        swd.write(DP, 0x8, 0);
        assertThat(chip.clock().nanos() - start).isEqualTo(48 * 1000L);
    }

    @Test
    void givenFlashBusy_whenApReadsFlash_thenOkAfterStallOnTheClock() {
        attach();
        chip.cpuBus().write(0x4002_2004, 4, 0x4567_0123);
        chip.cpuBus().write(0x4002_2004, 4, 0xCDEF_89AB);
        chip.cpuBus().write(0x4002_2010, 4, 1);
        chip.cpuBus().write(0x0800_0000, 2, 0xA5A5);
        swd.write(AP, 0x0, 0x2300_0001);
        swd.write(AP, 0x4, 0x0800_0000);
        long before = chip.clock().nanos();
        assertThat(swd.read(AP, 0xC).ack()).isEqualTo(SwdAck.OK);
        assertThat(chip.clock().nanos() - before).isGreaterThanOrEqualTo(52_500L - 3 * 48 * 250L);
        assertThat(swd.read(DP, 0xC).data() & 0xFFFF).isEqualTo(0xA5A5);
    }

    @Test
    void givenWaitOnStallMode_whenDrwWriteMeetsBsy_thenWaitUntilBsyClearsThenOk() {
        chip.debugPort().setWaitWhileBusStalls(true);
        attach();
        chip.cpuBus().write(0x4002_2004, 4, 0x4567_0123);
        chip.cpuBus().write(0x4002_2004, 4, 0xCDEF_89AB);
        chip.cpuBus().write(0x4002_2010, 4, 1);
        swd.write(AP, 0x0, 0x2300_0011); // half-word, auto-increment
        swd.write(AP, 0x4, 0x0800_0000);
        assertThat(swd.write(AP, 0xC, 0x1111).ack()).isEqualTo(SwdAck.OK);
        int waits = 0;
        SwdResponse response;
        while ((response = swd.write(AP, 0xC, 0x2222_0000)).ack() == SwdAck.WAIT) {
            waits++;
        }
        assertThat(response.ack()).isEqualTo(SwdAck.OK);
        assertThat(waits).isBetween(10, 20); // 52.5 µs of BSY at 15 bits x 250 ns per WAIT
        assertThat(chip.cpuBus().read(0x0800_0000, 4)).isEqualTo(0x2222_1111);
    }

    @Test
    void givenUnpoweredChip_whenTransaction_thenNoResponseUntilPowerCycle() {
        attach();
        chip.faults().powerLossAfterBusWrites(1);
        chip.cpuBus().write(0x2000_0000, 4, 1);
        assertThat(swd.read(DP, 0x0).ack()).isEqualTo(SwdAck.NO_RESPONSE);
        chip.powerCycle();
        assertThat(swd.read(DP, 0x0).ack()).isEqualTo(SwdAck.OK);
    }
}
