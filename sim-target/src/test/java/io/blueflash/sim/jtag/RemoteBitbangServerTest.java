package io.blueflash.sim.jtag;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.blueflash.sim.jtag.BitbangScript.access;
import static io.blueflash.sim.jtag.BitbangScript.ack;
import static io.blueflash.sim.jtag.BitbangScript.data;
import static org.assertj.core.api.Assertions.assertThat;

class RemoteBitbangServerTest {

    private static final long BS_BYPASS = 0x1FL << 4;
    private static final long DPACC = ArmJtagDp.IR_DPACC | BS_BYPASS;
    private static final long APACC = ArmJtagDp.IR_APACC | BS_BYPASS;

    private final FakeSwdPort swd = new FakeSwdPort();
    private final List<Boolean> srst = new ArrayList<>();
    private final RemoteBitbangServer server =
            new RemoteBitbangServer(Stm32F1JtagChain.create(swd, 0x410, ArmJtagDp.IDCODE_STM32F1), srst::add);

    private List<Long> run(BitbangScript script) throws IOException {
        return script.runOn(server);
    }

    @Test
    void givenTestLogicReset_whenDrScanned_thenDpIdcodeThenBoundaryScanIdcode() throws IOException {
        List<Long> captured = run(new BitbangScript().resetToIdle().dr(0, 32).dr(0, 64).resetToIdle().dr(-1L, 64));

        assertThat(captured.get(0)).isEqualTo(0x3BA00477L);
        assertThat(captured.get(1)).isEqualTo(0x3BA00477L | 0x06410041L << 32);
        assertThat(captured.get(2)).isEqualTo(0x3BA00477L | 0x06410041L << 32);
    }

    @Test
    void givenIrScan_whenCaptured_thenEachTapShowsItsCaptureValue() throws IOException {
        List<Long> captured = run(new BitbangScript().resetToIdle().ir(DPACC, 9).ir(DPACC, 9));

        assertThat(captured.get(0)).isEqualTo(0b00001L << 4 | 0b0001L);
        assertThat(captured.get(1)).isEqualTo(0b00001L << 4 | 0b0001L);
        assertThat(server.chain().instruction(0)).isEqualTo(BoundaryScanTap.IR_BYPASS);
        assertThat(server.chain().instruction(1)).isEqualTo(ArmJtagDp.IR_DPACC);
    }

    @Test
    void givenDpaccRead_whenNextScanCaptures_thenOkAckCarriesTheValue() throws IOException {
        swd.ctrlStat = 0x5000_0000;
        List<Long> captured = run(new BitbangScript().resetToIdle().ir(DPACC, 9)
                .dr(access(true, 0x4, 0), 36)
                .dr(access(true, 0xC, 0), 36)
                .dr(access(true, 0xC, 0), 36));

        // captured.get(0) is the IR scan
        assertThat(ack(captured.get(2))).isEqualTo(ArmJtagDp.ACK_OK_FAULT);
        assertThat(data(captured.get(2))).isEqualTo(0xF000_0000);
        assertThat(data(captured.get(3))).as("RDBUFF reads as zero on a JTAG-DP").isZero();
        assertThat(swd.log).startsWith("line reset", "DP R 0");
    }

    @Test
    void givenApaccTarWriteAndDrwReads_whenScanned_thenEachReadAppearsInTheFollowingCapture() throws IOException {
        swd.memory.put(0x2000_0000, 0x1111_1111);
        swd.memory.put(0x2000_0004, 0x2222_2222);
        List<Long> captured = run(new BitbangScript().resetToIdle().ir(APACC, 9)
                .dr(access(false, 0x4, 0x2000_0000), 36)
                .dr(access(true, 0xC, 0), 36)
                .dr(access(true, 0xC, 0), 36)
                .ir(DPACC, 9)
                .dr(access(true, 0xC, 0), 36)
                .dr(access(true, 0xC, 0), 36));

        // captured: IR, TAR write, DRW read, DRW read, IR, RDBUFF, RDBUFF
        assertThat(data(captured.get(3))).isEqualTo(0x1111_1111);
        assertThat(data(captured.get(5))).isEqualTo(0x2222_2222);
        assertThat(List.of(captured.get(1), captured.get(2), captured.get(3), captured.get(5), captured.get(6)))
                .allSatisfy(c -> assertThat(ack(c)).isEqualTo(ArmJtagDp.ACK_OK_FAULT));
    }

    @Test
    void givenStickyError_whenCtrlStatWrittenWithStickyErr_thenClearedThroughAbort() throws IOException {
        List<Long> captured = run(new BitbangScript().resetToIdle().ir(APACC, 9)
                .dr(access(false, 0x4, 0xDEAD_0000), 36)
                .dr(access(true, 0xC, 0), 36)
                .ir(DPACC, 9)
                .dr(access(true, 0x4, 0), 36)
                .dr(access(false, 0x4, 0x5000_0020), 36)
                .dr(access(true, 0x4, 0), 36)
                .dr(access(true, 0xC, 0), 36));

        // captured: IR, TAR write, faulting DRW read, IR, CTRL/STAT read (ACK of the faulting read),
        // CTRL/STAT write (value read), CTRL/STAT read, RDBUFF (value read after clearing)
        assertThat(ack(captured.get(4))).as("a fault is OK/FAULT on JTAG").isEqualTo(ArmJtagDp.ACK_OK_FAULT);
        assertThat(data(captured.get(5)) & 1 << 5).as("STICKYERR set").isNotZero();
        assertThat(data(captured.get(7)) & 1 << 5).as("STICKYERR cleared").isZero();
        assertThat(swd.log).contains("DP W 0 4");
    }

    @Test
    void givenDpInWait_whenNextScanCaptures_thenWaitAckAndTheNewRequestIsIgnored() throws IOException {
        swd.memory.put(0x2000_0000, 0xCAFE_F00D);
        swd.apWaitsLeft = 2;
        List<Long> captured = run(new BitbangScript().resetToIdle().ir(APACC, 9)
                .dr(access(false, 0x4, 0x2000_0000), 36)
                .dr(access(true, 0xC, 0), 36)
                .dr(access(false, 0x4, 0x3000_0000), 36)
                .dr(access(true, 0x4, 0), 36)
                .dr(access(true, 0x4, 0), 36));

        // captured: IR, TAR write, DRW read, TAR write (WAIT), TAR read (DRW value), TAR read
        assertThat(ack(captured.get(3))).isEqualTo(ArmJtagDp.ACK_WAIT);
        assertThat(ack(captured.get(4))).isEqualTo(ArmJtagDp.ACK_OK_FAULT);
        assertThat(data(captured.get(4))).isEqualTo(0xCAFE_F00D);
        assertThat(data(captured.get(5))).as("TAR write shifted in during WAIT was dropped").isEqualTo(0x2000_0004);
    }

    @Test
    void givenResetCharacters_whenSrstToggles_thenNrstFollowsOnlyOnChanges() throws IOException {
        run(new BitbangScript().raw("BbrBbBrsstr"));

        assertThat(srst).containsExactly(true, false);
    }

    @Test
    void givenQuit_whenMoreInputFollows_thenServeReturnsWithoutReadingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        server.serve(new ByteArrayInputStream("RQR".getBytes(StandardCharsets.US_ASCII)), out);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("1");
    }
}
