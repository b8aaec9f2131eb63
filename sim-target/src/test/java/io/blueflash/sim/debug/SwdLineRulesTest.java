package io.blueflash.sim.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SWD wire bit by bit (facts §C.1), and a sample of the DP/AP rules checked through it. */
class SwdLineRulesTest {

    private static final int OK = 0b001, FAULT = 0b100, NO_RESPONSE = 0b111;
    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final SwdBitBangHost host = new SwdBitBangHost(chip.swdLine());

    @Test
    void givenPowerOn_whenLineResetOnly_thenStillJtagAndNoResponse() {
        host.lineReset();
        assertThat(host.read(false, 0x0)[0]).isEqualTo(NO_RESPONSE);
        assertThat(chip.swdLine().isSwdSelected()).isFalse();
    }

    @Test
    void givenJtagToSwdSequence_whenDpidrRead_thenIdWithEvenParity() {
        host.jtagToSwd();
        long[] dpidr = host.read(false, 0x0);
        assertThat(dpidr[0]).isEqualTo(OK);
        assertThat((int) dpidr[1]).isEqualTo(0x1BA0_1477);
        assertThat(dpidr[2]).isEqualTo(1);
    }

    @Test
    void givenSampleSession_whenLineResetDpidrPowerUpAndMemAp_thenSramWrittenAndReadBack() {
        host.jtagToSwd();
        assertThat((int) host.read(false, 0x0)[1]).isEqualTo(0x1BA0_1477);
        assertThat(host.write(false, 0x4, 0x5000_0000)).isEqualTo(OK);
        assertThat((int) host.read(false, 0x4)[1] & 0xA000_0000).isEqualTo(0xA000_0000);
        assertThat(host.write(false, 0x8, 0)).isEqualTo(OK);           // SELECT AP0 bank 0
        assertThat(host.write(true, 0x0, 0x2300_0012)).isEqualTo(OK);  // CSW word, auto-increment
        assertThat(host.write(true, 0x4, 0x2000_0010)).isEqualTo(OK);  // TAR
        assertThat(host.write(true, 0xC, 0xDEAD_BEEF)).isEqualTo(OK);  // DRW
        assertThat(host.write(true, 0xC, 0x0BAD_F00D)).isEqualTo(OK);
        assertThat(chip.cpuBus().read(0x2000_0010, 4)).isEqualTo(0xDEAD_BEEF);
        assertThat(host.write(true, 0x4, 0x2000_0010)).isEqualTo(OK);
        host.read(true, 0xC);                                           // posted
        long[] second = host.read(true, 0xC);
        assertThat((int) second[1]).isEqualTo(0xDEAD_BEEF);
        assertThat((int) host.read(false, 0xC)[1]).isEqualTo(0x0BAD_F00D); // RDBUFF
    }

    @Test
    void givenBusErrorOnTheWire_whenNextAccess_thenFaultUntilAbort() {
        host.jtagToSwd();
        host.read(false, 0x0);
        host.write(false, 0x4, 0x5000_0000);
        host.write(true, 0x4, 0x6000_0000);
        host.read(true, 0xC);
        assertThat(host.read(false, 0xC)[0]).isEqualTo(FAULT);
        assertThat(host.write(false, 0x0, SwDebugPort.ABORT_STKERRCLR)).isEqualTo(OK);
        assertThat(host.read(false, 0xC)[0]).isEqualTo(OK);
    }

    @Test
    void givenRequestWithBadParity_whenSent_thenTargetSilentUntilLineReset() {
        host.jtagToSwd();
        host.read(false, 0x0);
        host.send(SwdBitBangHost.request(false, true, 0x4) ^ 1 << 5, 8);
        assertThat(host.receive(4) >>> 1).isEqualTo(NO_RESPONSE);
        assertThat(host.read(false, 0x4)[0]).isEqualTo(NO_RESPONSE);
        host.lineReset();
        assertThat(host.read(false, 0x0)[0]).isEqualTo(OK);
    }

    @Test
    void givenWriteDataParityError_whenWritten_thenWdataerrAndWriteDropped() {
        host.jtagToSwd();
        host.read(false, 0x0);
        host.write(false, 0x4, 0x5000_0000);
        host.write(true, 0x4, 0x2000_0000, true);
        assertThat((int) host.read(false, 0x4)[1] & SwDebugPort.WDATAERR).isNotZero();
        assertThat(host.write(true, 0x4, 0x2000_0000)).isEqualTo(FAULT);
        host.write(false, 0x0, SwDebugPort.ABORT_WDERRCLR);
        assertThat(host.write(true, 0x4, 0x2000_0000)).isEqualTo(OK);
    }

    @Test
    void givenCorruptedReadParity_whenHostRetriesWithResend_thenSameDataWithGoodParity() {
        host.jtagToSwd();
        host.read(false, 0x0);
        chip.faults().corruptReadParity(1);
        long[] bad = host.read(false, 0x4);
        assertThat(bad[0]).isEqualTo(OK);
        assertThat(bad[2]).isZero();
        long[] resent = host.read(false, 0x8); // RESEND
        assertThat(resent[2]).isEqualTo(1);
        assertThat(resent[1]).isEqualTo(bad[1]);
    }

    @Test
    void givenLineResetInSwd_whenFirstRequestIsNotDpidr_thenNoResponse() {
        host.jtagToSwd();
        assertThat(host.read(false, 0x4)[0]).isEqualTo(NO_RESPONSE);
    }

    @Test
    void givenSwdToJtagSequence_whenSent_thenSwdDeselected() {
        host.jtagToSwd();
        host.ones(56);
        host.send(0xE73C, 16);
        host.lineReset();
        assertThat(chip.swdLine().isSwdSelected()).isFalse();
        assertThat(host.read(false, 0x0)[0]).isEqualTo(NO_RESPONSE);
    }

    @Test
    void givenFourMegahertz_whenOneCycle_thenQuarterMicrosecond() {
        long start = chip.clock().nanos();
        chip.swdLine().clock(true);
        assertThat(chip.clock().nanos() - start).isEqualTo(250L);
    }

    @Test
    void givenTraceListener_whenBitLevelSession_thenTransactionsAndLineEventsTraced() {
        List<String> lines = new ArrayList<>();
        chip.addTraceListener(e -> lines.add(e.text()));
        host.jtagToSwd();
        host.read(false, 0x0);
        assertThat(lines).contains("JTAG-to-SWD select sequence 0xE79E: SWD selected");
        assertThat(lines).anyMatch(l -> l.startsWith("line reset"));
        assertThat(lines).anyMatch(l -> l.startsWith("DP read  DPIDR") && l.endsWith("0x1BA01477"));
    }
}
