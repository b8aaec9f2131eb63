package io.blueflash.gdbserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server's answers on the wire, from a minimal client, on the simulated Blue Pill. */
@Timeout(120)
class GdbServerProtocolTest {

    @Test
    void givenQSupported_whenAsked_thenTheFeaturesGdbNeedsForLoadAndBreakpointsAreOffered() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            assertThat(gdb.ask("qSupported:multiprocess+;swbreak+;hwbreak+"))
                    .contains("PacketSize=4000", "qXfer:features:read+", "qXfer:memory-map:read+", "swbreak+", "hwbreak+");
            assertThat(gdb.ask("qXfer:features:read:target.xml:0,fff"))
                    .startsWith("l").contains("org.gnu.gdb.arm.m-profile", "name=\"xpsr\"");
            assertThat(gdb.ask("qXfer:memory-map:read::0,fff"))
                    .contains("<memory type=\"flash\" start=\"0x8000000\" length=\"0x10000\">",
                            "<property name=\"blocksize\">0x400</property>",
                            "<memory type=\"ram\" start=\"0x20000000\" length=\"0x5000\"/>");
        }
    }

    @Test
    void givenTheMemoryMapInParts_whenReadInSmallPieces_thenEachIsMarkedMoreOrLast() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            String first = gdb.ask("qXfer:memory-map:read::0,10");
            assertThat(first).isEqualTo("m<?xml version=\"1");
            assertThat(gdb.ask("qXfer:memory-map:read::10000,10")).isEqualTo("l");
        }
    }

    @Test
    void givenARunningCore_whenGdbSendsCtrlC_thenItHaltsAndRepliesSigint() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            gdb.ask("qSupported");
            gdb.send("vCont;c");
            gdb.sendRaw(0x03);
            assertThat(gdb.reply()).isEqualTo("T02thread:1;");
            assertThat(pill.chip.isCoreHalted()).isTrue();
        }
    }

    @Test
    void givenAttachedGdb_whenASecondConnects_thenItIsRefusedWithAReason_andServedAfterTheFirstDetaches()
            throws IOException, InterruptedException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb first = new RawGdb(pill.server.port())) {
            assertThat(first.ask("qSupported")).contains("PacketSize");
            try (RawGdb second = new RawGdb(pill.server.port())) {
                assertThat(second.ask("qSupported")).startsWith("E.blueflash gdb-server is serving another gdb (127.0.0.1:")
                        .endsWith("detach that one first");
                assertThat(second.reply()).as("then the line is closed").isNull();
            }
            assertThat(first.ask("D")).isEqualTo("OK");
            for (int i = 0; i < 250 && !pill.log().contains("closed; waiting for the next gdb"); i++) {
                Thread.sleep(20);
            }
            try (RawGdb third = new RawGdb(pill.server.port())) {
                assertThat(third.ask("qSupported")).contains("PacketSize");
                assertThat(third.ask("g")).hasSize(17 * 8);
            }
            assertThat(pill.server.sessions()).isEqualTo(2);
        }
    }

    @Test
    void givenRegisters_whenWrittenWithPAndReadWithP_thenTheCoreHoldsTheValue() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            assertThat(gdb.ask("P3=efbeadde")).isEqualTo("OK");
            assertThat(gdb.ask("p3")).isEqualTo("efbeadde");
            assertThat(pill.chip.core().coreRegister(3)).isEqualTo(0xDEAD_BEEF);
            assertThat(gdb.ask("p20")).as("no register 32").startsWith("E");
        }
    }

    @Test
    void givenSram_whenWrittenWithXAndMAndReadWithM_thenTheBytesArrive_andFlashRefusesPlainWrites() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            assertThat(gdb.ask("M20000400,4:01020304")).isEqualTo("OK");
            assertThat(gdb.ask("X20000404,2:}\u0003}\u0004")).isEqualTo("OK"); // '#' and '$', escaped
            assertThat(gdb.ask("m20000400,6")).isEqualTo("010203042324");
            assertThat(gdb.ask("M08000000,2:0000")).startsWith("E");
            assertThat(gdb.ask("m10000000,4")).as("reserved code region: a bus fault").startsWith("E");
        }
    }

    @Test
    void givenSemihostingCallsInSram_whenContinued_thenOutputComesAsOPacketAndTheExitAsW() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            // movs r0,#4 (SYS_WRITE0); bkpt 0xab; movs r0,#0x18 (SYS_EXIT); bkpt 0xab
            assertThat(gdb.ask("M20000400,8:0420abbe1820abbe")).isEqualTo("OK");
            assertThat(gdb.ask("M20000500,4:68690a00")).isEqualTo("OK"); // "hi\n"
            assertThat(gdb.ask("P1=00050020")).isEqualTo("OK");         // r1: the string, then the exit reason
            assertThat(gdb.ask("Pf=00040020")).isEqualTo("OK");         // pc
            assertThat(gdb.ask("P10=00000001")).isEqualTo("OK");        // xPSR.T

            assertThat(gdb.ask("c")).isEqualTo("O" + "68690a");
            assertThat(gdb.reply()).as("r1 is no ADP_Stopped_ApplicationExit: status 1").isEqualTo("W01");
        }
    }

    @Test
    void givenMonitorCommands_whenSent_thenTheyAnswerOnGdbsConsoleAndAct() throws IOException {
        try (SimulatedBluePill pill = new SimulatedBluePill(); RawGdb gdb = new RawGdb(pill.server.port())) {
            assertThat(gdb.ask("vFlashErase:08000000,00000400")).isEqualTo("OK");
            assertThat(gdb.ask("vFlashWrite:08000000:\u0001\u0002\u0003\u0004")).isEqualTo("OK");
            assertThat(gdb.ask("vFlashDone")).isEqualTo("OK");
            assertThat(gdb.ask("m8000000,4")).isEqualTo("01020304");

            assertThat(text(gdb.ask("qRcmd," + hex("help")))).contains("monitor reset halt", "monitor erase");
            assertThat(gdb.reply()).isEqualTo("OK");
            assertThat(text(gdb.ask("qRcmd," + hex("erase")))).contains("mass-erased");
            assertThat(gdb.reply()).isEqualTo("OK");
            assertThat(gdb.ask("m8000000,4")).isEqualTo("ffffffff");

            assertThat(text(gdb.ask("qRcmd," + hex("reset")))).contains("running");
            assertThat(gdb.reply()).isEqualTo("OK");
            assertThat(text(gdb.ask("qRcmd," + hex("halt")))).contains("target halted: pc 0x");
            assertThat(gdb.reply()).isEqualTo("OK");
            assertThat(pill.chip.isCoreHalted()).isTrue();
        }
    }

    @Test
    void givenKill_whenSent_thenTheChipIsResetAndHalted_andTheNextGdbIsServed() throws IOException, InterruptedException {
        try (SimulatedBluePill pill = new SimulatedBluePill()) {
            try (RawGdb gdb = new RawGdb(pill.server.port())) {
                gdb.ask("qSupported");
                gdb.send("k");
                assertThat(gdb.reply()).as("no reply; the server closes the line").isNull();
            }
            for (int i = 0; i < 250 && !pill.log().contains("closed; waiting for the next gdb"); i++) {
                Thread.sleep(20);
            }
            assertThat(pill.log()).contains("killed the session; the target is reset and halted");
            assertThat(pill.chip.isCoreHalted()).isTrue();
            try (RawGdb next = new RawGdb(pill.server.port())) {
                assertThat(next.ask("?")).isEqualTo("T05thread:1;");
            }
        }
    }

    private static String hex(String ascii) {
        return RspHex.ascii(ascii);
    }

    /** The text of an O packet. */
    private static String text(String oPacket) {
        assertThat(oPacket).startsWith("O");
        return new String(RspHex.parseBytes(oPacket.substring(1)), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
