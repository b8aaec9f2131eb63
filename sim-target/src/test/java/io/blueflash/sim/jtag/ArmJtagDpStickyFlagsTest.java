package io.blueflash.sim.jtag;

import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.blueflash.sim.jtag.BitbangScript.access;
import static io.blueflash.sim.jtag.BitbangScript.data;
import static org.assertj.core.api.Assertions.assertThat;

/** ADIv5 JTAG-DP sticky flags on the real chip model: how a host clears them, and that they do not outlive a session. */
class ArmJtagDpStickyFlagsTest {

    private static final long BS_BYPASS = 0x1FL << 4;
    private static final long DPACC = ArmJtagDp.IR_DPACC | BS_BYPASS;
    private static final long APACC = ArmJtagDp.IR_APACC | BS_BYPASS;
    private static final long ABORT = ArmJtagDp.IR_ABORT | BS_BYPASS;
    private static final int STICKYERR = 1 << 5;
    private static final int POWER_UP_REQUESTS = 0x5000_0000;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final RemoteBitbangServer server = new RemoteBitbangServer(
            Stm32F1JtagChain.create(chip.swd(), 0x410, ArmJtagDp.IDCODE_STM32F1), nrst -> { });

    private List<Long> run(BitbangScript script) throws IOException {
        return script.runOn(server);
    }

    /** Powers the debug domain, then reads an unmapped address: the AHB error sets STICKYERR. */
    private static BitbangScript faultingRead() {
        return new BitbangScript().resetToIdle().ir(DPACC, 9)
                .dr(access(false, 0x4, POWER_UP_REQUESTS), 36)
                .dr(access(false, 0x8, 0), 36)
                .ir(APACC, 9)
                .dr(access(false, 0x0, 0x2300_0002), 36)
                .dr(access(false, 0x4, 0x3000_0000), 36)
                .dr(access(true, 0xC, 0), 36)
                .ir(DPACC, 9);
    }

    @Test
    void givenStickyErrAfterBusFault_whenCtrlStatWrittenWithOneToStickyErr_thenFlagClearsAndMemoryReadsAgain()
            throws IOException {
        // given
        BitbangScript script = faultingRead()
                .dr(access(true, 0x4, 0), 36)
                // when
                .dr(access(false, 0x4, POWER_UP_REQUESTS | STICKYERR), 36)
                .dr(access(true, 0x4, 0), 36)
                .ir(APACC, 9)
                .dr(access(false, 0x4, 0x0800_0000), 36)
                .dr(access(true, 0xC, 0), 36)
                .ir(DPACC, 9)
                .dr(access(true, 0xC, 0), 36)
                .dr(access(true, 0xC, 0), 36);

        List<Long> captured = run(script);

        // then: scans 0..7 set up the faulting read; 8 reads CTRL/STAT, 9 (the write) captures it, 10 reads it
        // again, 12 (the TAR write) captures that, 15 captures the DRW read of scan 13
        assertThat(data(captured.get(9)) & STICKYERR).as("STICKYERR after the bus fault").isNotZero();
        assertThat(data(captured.get(12)) & STICKYERR).as("STICKYERR after writing 1 to it").isZero();
        assertThat(data(captured.get(15))).as("erased flash word 0 read after the clear").isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void givenStickyErr_whenAbortInstructionWritesStkErrClr_thenFlagClears() throws IOException {
        BitbangScript script = faultingRead()
                .ir(ABORT, 9)
                .dr(access(false, 0x0, 1 << 2), 36)
                .ir(DPACC, 9)
                .dr(access(true, 0x4, 0), 36)
                .dr(access(true, 0xC, 0), 36);

        List<Long> captured = run(script);

        assertThat(data(captured.get(captured.size() - 1)) & STICKYERR).isZero();
    }

    @Test
    void givenSessionLeftStickyErr_whenNextSessionReadsCtrlStat_thenNoStickyFlag() throws IOException {
        List<Long> first = run(faultingRead().dr(access(true, 0x4, 0), 36).dr(access(true, 0xC, 0), 36));
        assertThat(data(first.get(first.size() - 1)) & STICKYERR).as("first session ends with STICKYERR").isNotZero();

        List<Long> second = run(new BitbangScript().resetToIdle().ir(DPACC, 9)
                .dr(access(true, 0x4, 0), 36)
                .dr(access(true, 0xC, 0), 36));

        assertThat(data(second.get(second.size() - 1)) & STICKYERR).isZero();
    }
}
