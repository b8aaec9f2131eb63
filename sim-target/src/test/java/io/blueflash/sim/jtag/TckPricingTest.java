package io.blueflash.sim.jtag;

import io.blueflash.sim.bus.SimClock;
import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.blueflash.sim.jtag.BitbangScript.access;
import static io.blueflash.sim.jtag.BitbangScript.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 item 2: a remote_bitbang client's TCK cycles are what its JTAG accesses cost in simulated time. */
class TckPricingTest {

    private static final long BS_BYPASS = 0x1FL << 4;
    private static final long DPACC = ArmJtagDp.IR_DPACC | BS_BYPASS;
    private static final long APACC = ArmJtagDp.IR_APACC | BS_BYPASS;

    @Test
    void givenTckAt3MHz_whenCyclesAreChargedInBatches_thenTheClockAdvancesByExactlyNOverF() {
        SimClock clock = new SimClock();
        TckClock tck = new TckClock(clock, 3_000_000);

        for (int i = 0; i < 7; i++) {
            tck.cycle();
        }
        tck.charge();
        assertThat(clock.nanos()).as("7 cycles at 3 MHz: 2333.3 ns, the third of a ns carried").isEqualTo(2333);
        tck.cycle();
        tck.cycle();
        tck.charge();

        assertThat(clock.nanos()).as("9 cycles at 3 MHz").isEqualTo(3000);
        assertThat(tck.cycles()).isEqualTo(9);
    }

    @Test
    void givenNonPositiveRate_whenTckClockIsMade_thenRefused() {
        assertThatThrownBy(() -> new TckClock(new SimClock(), 0)).hasMessageContaining("TCK frequency");
    }

    /** Powers the debug domain and reads two SRAM words through the AHB-AP, as OpenOCD does. */
    private static BitbangScript sramRead() {
        return new BitbangScript().resetToIdle().ir(DPACC, 9)
                .dr(access(false, 0x4, 0x5000_0000), 36)
                .dr(access(false, 0x8, 0), 36)
                .ir(APACC, 9)
                .dr(access(false, 0x0, 0x2300_0012), 36) // CSW: word, auto-increment
                .dr(access(false, 0x4, 0x2000_0000), 36)
                .dr(access(true, 0xC, 0), 36)
                .dr(access(true, 0xC, 0), 36)
                .ir(DPACC, 9)
                .dr(access(true, 0xC, 0), 36);
    }

    private record Served(long tckCycles, long simulatedNanos, List<Long> captured) {
    }

    private static Served serve(long tckHz) throws IOException {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.cpuBus().write(0x2000_0004, 4, 0x1234_5678);
        JtagScanChain chain = Stm32F1JtagChain.create(chip.debugPort().withoutWireCost(), 0x410, ArmJtagDp.IDCODE_STM32F1);
        chain.priceTck(new TckClock(chip.clock(), tckHz));
        long before = chip.clock().nanos();
        List<Long> captured = sramRead().runOn(new RemoteBitbangServer(chain, nrst -> { }));
        return new Served(chain.tckCycles(), chip.clock().nanos() - before, captured);
    }

    @Test
    void givenTckAt1MHz_whenAClientReadsSramOverJtag_thenSimulatedTimeIsExactlyItsTckCyclesAtOneMicrosecond()
            throws IOException {
        Served served = serve(1_000_000);

        assertThat(data(served.captured().get(served.captured().size() - 1))).as("the SRAM word came back")
                .isEqualTo(0x1234_5678);
        assertThat(served.tckCycles()).isGreaterThan(300);
        assertThat(served.simulatedNanos()).as("no SW-DP transaction time on top of the TCK cycles")
                .isEqualTo(served.tckCycles() * 1_000);
    }

    @Test
    void givenTheSameScan_whenTckIsFourTimesSlower_thenItTakesFourTimesTheSimulatedTime() throws IOException {
        Served fast = serve(1_000_000);
        Served slow = serve(250_000);

        assertThat(slow.tckCycles()).isEqualTo(fast.tckCycles());
        assertThat(slow.simulatedNanos()).isEqualTo(4 * fast.simulatedNanos());
    }
}
