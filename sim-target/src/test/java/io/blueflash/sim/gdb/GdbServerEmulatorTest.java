package io.blueflash.sim.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.chip.Stm32F103;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GdbServerEmulatorTest {

    private static final HexFormat HEX = HexFormat.of();
    private Stm32F103 chip;
    private GdbServerEmulator emulator;
    private RspTestClient gdb;

    private RspTestClient start(String profile) throws Exception {
        chip = Stm32F103.create(profile);
        emulator = new GdbServerEmulator(chip);
        gdb = new RspTestClient(emulator);
        return gdb;
    }

    private RspTestClient attached(String profile) throws Exception {
        start(profile);
        assertThat(gdb.monitor("swd_scan")).endsWith("|OK");
        assertThat(gdb.request("vAttach;1")).isEqualTo("T05thread:1;");
        return gdb;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (gdb != null) {
            gdb.close();
            gdb.joinServer();
            assertThat(gdb.failure()).isNull();
        }
    }

    private static byte[] vFlashWrite(int address, byte[] data) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.writeBytes(String.format("vFlashWrite:%x:", address).getBytes(StandardCharsets.US_ASCII));
        packet.writeBytes(RspBinary.escape(data));
        return packet.toByteArray();
    }

    @Test
    void givenGdb_whenQSupported_thenBmpFeatures() throws Exception {
        start("stm32f103c8");

        assertThat(gdb.request("qSupported:multiprocess+;xmlRegisters=arm")).isEqualTo(
                "PacketSize=400;qXfer:memory-map:read+;qXfer:features:read+;vContSupported+;QStartNoAckMode+");
    }

    @Test
    void givenBluePill_whenSwdScan_thenVoltageDpidrAndMediumDensityTarget() throws Exception {
        start("stm32f103c8");

        assertThat(gdb.request("?")).isEqualTo("W00");
        String scan = gdb.monitor("swd_scan");

        assertThat(scan).contains("Target voltage: 3.3V\n").contains("DPIDR 0x1BA01477")
                .contains("Available Targets:\nNo. Att Driver\n")
                .contains(" 1      STM32F1 medium density M3\n").endsWith("|OK");
        assertThat(gdb.monitor("targets")).contains("STM32F1 medium density");
    }

    @Test
    void givenGd32RomTable_whenSwdScanAndMemoryMapRead_thenGd32F1SizedFromFSize() throws Exception {
        attached("gd32f103c8");

        assertThat(gdb.monitor("targets")).contains(" GD32F1 M3");
        assertThat(gdb.request("qXfer:memory-map:read::0,3ff"))
                .contains("<memory type=\"flash\" start=\"0x8000000\" length=\"0x10000\">")
                .contains("<property name=\"blocksize\">0x400</property>");
    }

    @Test
    void givenScan_whenAttach_thenCoreHaltedAndStopReply() throws Exception {
        attached("stm32f103c8");

        assertThat(chip.isCoreHalted()).isTrue();
        assertThat(gdb.request("?")).isEqualTo("T05thread:1;");
        assertThat(gdb.request("qAttached")).isEqualTo("1");
        assertThat(gdb.request("qfThreadInfo")).isEqualTo("m1");
        assertThat(gdb.request("qsThreadInfo")).isEqualTo("l");
        assertThat(gdb.request("qC")).isEqualTo("QC1");
        assertThat(gdb.request("Hg0")).isEqualTo("OK");
    }

    @Test
    void givenNoScan_whenAttach_thenError() throws Exception {
        start("stm32f103c8");

        assertThat(gdb.request("vAttach;1")).isEqualTo("E01");
    }

    @Test
    void givenMediumDensity_whenMemoryMapRead_thenBmpMap128KbIn1KbBlocks() throws Exception {
        attached("stm32f103c8");

        String map = gdb.request("qXfer:memory-map:read::0,3ff");

        assertThat(map).startsWith("l")
                .contains("<memory type=\"ram\" start=\"0x20000000\" length=\"0x5000\"/>")
                .contains("<memory type=\"flash\" start=\"0x8000000\" length=\"0x20000\">"
                        + "<property name=\"blocksize\">0x400</property>");
    }

    @Test
    void givenHighDensity_whenMemoryMapRead_thenTwoKbBlocks() throws Exception {
        attached("stm32f103rc");

        assertThat(gdb.monitor("targets")).contains("STM32F1 high density");
        assertThat(gdb.request("qXfer:memory-map:read::0,3ff"))
                .contains("length=\"0x40000\"><property name=\"blocksize\">0x800</property>");
    }

    @Test
    void givenSmallChunks_whenXferRead_thenMoreThenLastChunks() throws Exception {
        attached("stm32f103c8");

        StringBuilder document = new StringBuilder();
        String reply;
        int offset = 0;
        do {
            reply = gdb.request(String.format("qXfer:features:read:target.xml:%x,40", offset));
            document.append(reply.substring(1));
            offset += 0x40;
        } while (reply.startsWith("m"));

        assertThat(document.toString()).isEqualTo(TargetDescription.ARM_M_PROFILE)
                .contains("org.gnu.gdb.arm.m-profile").contains("<reg name=\"xpsr\" bitsize=\"32\" regnum=\"25\"/>");
        assertThat(gdb.request(String.format("qXfer:features:read:target.xml:%x,40", offset + 0x1000)))
                .isEqualTo("l");
    }

    @Test
    void givenHaltedCore_whenRegistersReadAndWritten_thenDcrsrRoundTrip() throws Exception {
        attached("stm32f103c8");

        assertThat(gdb.request("g")).hasSize(17 * 8);
        assertThat(gdb.request("P1=78563412")).isEqualTo("OK");
        assertThat(gdb.request("p1")).isEqualTo("78563412");
        assertThat(gdb.request("p19")).hasSize(8);
        assertThat(gdb.request("p10")).isEqualTo("E01");
    }

    @Test
    void givenSram_whenWrittenWithMAndX_thenReadBackWithM() throws Exception {
        attached("stm32f103c8");
        byte[] special = {'#', '$', '}', '*', 0, 1, 2, 3};
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        x.writeBytes("X20000010,8:".getBytes(StandardCharsets.US_ASCII));
        x.writeBytes(RspBinary.escape(special));

        assertThat(gdb.request("M20000000,4:efbeadde")).isEqualTo("OK");
        assertThat(gdb.request(x.toByteArray())).isEqualTo("OK");
        assertThat(gdb.request("X20000020,0:")).isEqualTo("OK");

        assertThat(gdb.request("m20000000,4")).isEqualTo("efbeadde");
        assertThat(gdb.request("m20000010,8")).isEqualTo(HEX.formatHex(special));
        assertThat(gdb.request("me0042000,4")).isEqualTo("10640320");
    }

    @Test
    void givenUnmappedAddress_whenRead_thenErrorReply() throws Exception {
        attached("stm32f103c8");

        assertThat(gdb.request("m60000000,4")).isEqualTo("E01");
    }

    @Test
    void givenErasedPage_whenVFlashWriteAndDone_thenFlashHoldsData() throws Exception {
        attached("stm32f103c8");
        byte[] data = new byte[1500];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + ('#' - 7 * 3)); // includes the bytes that must be escaped
        }

        assertThat(gdb.request("vFlashErase:8000000,800")).isEqualTo("OK");
        assertThat(gdb.request(vFlashWrite(0x0800_0000, java.util.Arrays.copyOf(data, 1000)))).isEqualTo("OK");
        assertThat(gdb.request(vFlashWrite(0x0800_0000 + 1000, java.util.Arrays.copyOfRange(data, 1000, 1500))))
                .isEqualTo("OK");
        assertThat(gdb.request("vFlashDone")).isEqualTo("OK");

        assertThat(gdb.request("m8000000,200") + gdb.request("m8000200,200") + gdb.request("m8000400,1dc"))
                .isEqualTo(HEX.formatHex(data));
        assertThat(gdb.request("m80005dc,4")).isEqualTo("ffffffff");
        assertThat(gdb.request("qCRC:8000000,5dc")).isEqualTo("C" + HEX.toHexDigits(GdbCrc32.of(data)));
        assertThat(gdb.request("m40022010,4")).as("FLASH_CR locked after vFlashDone").isEqualTo("80000000");
    }

    @Test
    void givenJtagScan_whenAttachedAndPageFlashedAndRead_thenFlashHoldsDataOverTheJtagDp() throws Exception {
        chip = Stm32F103.create("stm32f103c8");
        SwdBmpTarget bmp = new SwdBmpTarget(chip);
        emulator = new GdbServerEmulator(bmp, chip.clock(), UsbCdcLinkModel.FULL_SPEED);
        gdb = new RspTestClient(emulator);
        assertThat(gdb.monitor("jtag_scan")).contains("JTAG-DP IDCODE 0x3BA00477").endsWith("|OK");
        assertThat(gdb.request("vAttach;1")).isEqualTo("T05thread:1;");
        byte[] data = new byte[1024];
        java.util.Arrays.fill(data, (byte) '}');

        assertThat(gdb.request("vFlashErase:8000000,400")).isEqualTo("OK");
        assertThat(gdb.request(vFlashWrite(0x0800_0000, data))).isEqualTo("OK");
        assertThat(gdb.request("vFlashDone")).isEqualTo("OK");

        assertThat(gdb.request("m8000000,200") + gdb.request("m8000200,200")).isEqualTo(HEX.formatHex(data));
        assertThat(gdb.request("qCRC:8000000,400")).isEqualTo("C" + HEX.toHexDigits(GdbCrc32.of(data)));
        assertThat(gdb.request("P1=78563412")).isEqualTo("OK");
        assertThat(gdb.request("p1")).isEqualTo("78563412");
        assertThat(bmp.overJtag()).as("every access above went through the JTAG-DP's scans").isTrue();
    }

    @Test
    void givenCloneThatDropsBusyWrites_whenVFlashWrite_thenEveryHalfWordLands() throws Exception {
        attached("apm32f103c8");
        byte[] data = new byte[1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i ^ 0x5A);
        }

        assertThat(gdb.request("vFlashErase:8000400,400")).isEqualTo("OK");
        assertThat(gdb.request(vFlashWrite(0x0800_0400, data))).isEqualTo("OK");
        assertThat(gdb.request("vFlashDone")).isEqualTo("OK");

        assertThat(gdb.request("qCRC:8000400,400")).isEqualTo("C" + HEX.toHexDigits(GdbCrc32.of(data)));
    }

    @Test
    void givenProgrammedPage_whenWrittenAgainWithoutErase_thenErrorAndFpecLocked() throws Exception {
        attached("stm32f103c8");
        byte[] data = {0x11, 0x22, 0x33, 0x44};
        gdb.request("vFlashErase:8000000,400");
        gdb.request(vFlashWrite(0x0800_0000, data));
        gdb.request("vFlashDone");

        gdb.request(vFlashWrite(0x0800_0000, new byte[] {0x55, 0x66, 0x77, (byte) 0x88}));

        assertThat(gdb.request("vFlashDone")).isEqualTo("E01");
        assertThat(gdb.request("m8000000,4")).isEqualTo("11223344");
        assertThat(gdb.request("m40022010,4")).isEqualTo("80000000");
    }

    @Test
    void givenMonitorCommands_whenUnknownOrHelpOrReset_thenBmpReplies() throws Exception {
        attached("stm32f103c8");

        assertThat(gdb.monitor("frobnicate")).isEqualTo("|");
        assertThat(gdb.monitor("help")).contains("swd_scan").contains("erase_mass").endsWith("|OK");
        assertThat(gdb.monitor("reset")).isEqualTo("|OK");
        assertThat(chip.isCoreHalted()).as("reset vector catch keeps the core halted").isTrue();
    }

    @Test
    void givenMonitorBeforeAttach_whenReset_thenFailedInHex() throws Exception {
        start("stm32f103c8");

        assertThat(gdb.monitor("reset")).endsWith("|" + HEX.formatHex("Failed\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void givenCorruptedPacket_whenReceived_thenMinusAndResentPacketServed() throws Exception {
        start("stm32f103c8");

        gdb.writeRaw("$qC#00");
        assertThat((char) gdb.readByte()).isEqualTo('-');

        assertThat(gdb.request("qC")).isEqualTo("QC1");
    }

    @Test
    void givenRunningCore_whenInterrupt_thenHaltedWithSigint() throws Exception {
        attached("stm32f103c8");
        assertThat(gdb.request("M20000000,2:fee7")).isEqualTo("OK"); // b . (spins until halted)
        assertThat(gdb.request("Pf=00000020")).isEqualTo("OK");
        gdb.writeRaw(RspTestClient.frame("c"));
        assertThat((char) gdb.readByte()).isEqualTo('+');

        gdb.writeRaw("\u0003");

        assertThat(gdb.readReply()).isEqualTo("T02thread:1;");
        assertThat(chip.isCoreHalted()).isTrue();
    }

    @Test
    void givenAttached_whenDetach_thenCoreRunsAndSessionStaysOpen() throws Exception {
        attached("stm32f103c8");

        assertThat(gdb.request("D")).isEqualTo("OK");

        assertThat(chip.isCoreHalted()).isFalse();
        assertThat(gdb.request("?")).isEqualTo("W00");
    }

    @Test
    void givenNoAckMode_whenNegotiated_thenRepliesComeWithoutAcks() throws Exception {
        start("stm32f103c8");

        assertThat(gdb.request("QStartNoAckMode")).isEqualTo("OK");
        gdb.writeRaw(RspTestClient.frame("qC"));

        assertThat((char) gdb.readByte()).as("no '+' any more: the reply comes at once").isEqualTo('$');
    }

    @Test
    void givenNoAckSession_whenGdbDetachesAndTheNextOneSendsQc_thenAcknowledgedAgain() throws Exception {
        start("stm32f103c8");
        assertThat(gdb.request("QStartNoAckMode")).isEqualTo("OK");

        gdb.writeRaw(RspTestClient.frame("D"));
        assertThat(gdb.readReply()).isEqualTo("OK");

        assertThat(gdb.request("qC")).as("'+' comes back after detach").isEqualTo("QC1");
    }

    @Test
    void givenNoAckSession_whenNewGdbSendsQSupported_thenItIsAcknowledged() throws Exception {
        start("stm32f103c8");
        assertThat(gdb.request("QStartNoAckMode")).isEqualTo("OK");

        String reply = gdb.request("qSupported:multiprocess+;xmlRegisters=arm");

        assertThat(reply).contains("QStartNoAckMode+");
        assertThat(gdb.request("qC")).isEqualTo("QC1");
    }

    @Test
    void givenBreakpointAndWatchpointPackets_whenSent_thenSetInFpbAndDwtAndRemovable() throws Exception {
        attached("stm32f103c8");

        assertThat(gdb.request("Z0,8000100,2")).isEqualTo("OK");
        assertThat(gdb.request("Z2,20000100,4")).isEqualTo("OK");
        assertThat(gdb.request("z0,8000100,2")).isEqualTo("OK");
        assertThat(gdb.request("z2,20000100,4")).isEqualTo("OK");
        assertThat(gdb.request("Z1,20000100,2")).as("the FPB covers only the code region").isEqualTo("E01");
        assertThat(gdb.request("Z9,8000100,2")).as("unknown type: unsupported").isEmpty();
        assertThat(gdb.request("vCont?")).isEqualTo("vCont;c;C;s;S;t");
    }

    @Test
    void givenPackets_whenServed_thenLinkCostChargedToTheChipClock() throws Exception {
        start("stm32f103c8");
        long before = chip.clock().nanos();

        gdb.request("qC");
        gdb.close();
        gdb.joinServer();

        // one request's turnaround and four bulk transfers: GDB's "$qC#b4" (6 bytes) and its final "+",
        // the probe's "+" and "$QC1#xx" (7 bytes)
        UsbCdcLinkModel link = UsbCdcLinkModel.FULL_SPEED;
        long linkNanos = link.turnaroundNanos() + link.transferNanos(6) + 2 * link.transferNanos(1) + link.transferNanos(7);
        assertThat(emulator.packetsReceived()).isEqualTo(1);
        assertThat(chip.clock().nanos() - before).isEqualTo(linkNanos);
    }

    @Test
    void givenAttached_whenOptionErase_thenRdpKeyWrittenAndWrpErased() throws Exception {
        attached("stm32f103c8");

        assertThat(gdb.monitor("option erase")).contains("0x1FFFF800: 0x5AA5").endsWith("|OK");

        assertThat(gdb.request("m1ffff800,2")).isEqualTo("a55a");
        assertThat(gdb.request("m1ffff808,8")).isEqualTo("ffffffffffffffff");
        assertThat(gdb.monitor("option")).contains("0x1FFFF800: 0x5AA5").endsWith("|OK");
    }

    @Test
    void givenAttached_whenOptionAddrValue_thenThatSlotChangesAndTheOthersStay() throws Exception {
        attached("stm32f103c8");

        String reply = gdb.monitor("option 0x1FFFF804 0x00FE");

        assertThat(reply).contains("0x1FFFF800: 0x5AA5", "0x1FFFF804: 0x01FE", "0x1FFFF808: 0x00FF").endsWith("|OK");
        assertThat(gdb.request("m1ffff804,2")).isEqualTo("fe01");
        assertThat(gdb.monitor("option 0x1FFFF804 0x00FF")).contains("0x1FFFF804: 0x00FF", "0x1FFFF800: 0x5AA5");
        assertThat(gdb.monitor("option")).startsWith("usage: monitor option erase\nusage: monitor option <addr> <value>\n");
    }

    @Test
    void givenMonitorCommandsOfAGdbinit_whenRun_thenAnsweredAsBmpFirmwareAnswers() throws Exception {
        start("stm32f103c8");

        assertThat(gdb.monitor("tpwr")).isEqualTo("Target Power: disabled\n|OK");
        assertThat(gdb.monitor("tpwr enable")).isEqualTo("Target already powered (3.3V)\n|OK");
        assertThat(gdb.monitor("frequency 1M")).isEqualTo("Current SWJ freq 1000000Hz\n|OK");
        assertThat(chip.debugPort().frequencyHz()).isEqualTo(1_000_000);
        assertThat(gdb.monitor("freq 400k")).isEqualTo("Current SWJ freq 400000Hz\n|OK");
        assertThat(gdb.monitor("jtag_scan")).contains("JTAG-DP IDCODE 0x3BA00477", "STM32F1 medium density").endsWith("|OK");
        assertThat(gdb.monitor("auto_scan")).contains("JTAG-DP IDCODE", "STM32F1 medium density").endsWith("|OK");
        assertThat(gdb.monitor("erase_mass")).as("a target command before attach").isEqualTo("|");
        assertThat(gdb.monitor("ver")).as("a prefix names the command").contains("Black Magic Probe").endsWith("|OK");
    }

    @Test
    void givenProgrammedFlash_whenEraseMass_thenErased() throws Exception {
        attached("stm32f103c8");
        gdb.request("vFlashErase:8001000,400");
        gdb.request(vFlashWrite(0x0800_1000, new byte[] {1, 2, 3, 4}));
        gdb.request("vFlashDone");

        assertThat(gdb.monitor("erase_mass")).isEqualTo("|OK");

        assertThat(gdb.request("m8001000,4")).isEqualTo("ffffffff");
    }

    @Test
    void givenSession_whenKill_thenServeReturnsAndCoreRuns() throws Exception {
        attached("stm32f103c8");

        gdb.writeRaw(RspTestClient.frame("k"));
        assertThat((char) gdb.readByte()).isEqualTo('+');
        gdb.joinServer();

        assertThat(gdb.serverAlive()).isFalse();
        assertThat(chip.isCoreHalted()).isFalse();
    }

    @Test
    void givenPeripheralClockEnabled_whenKill_thenTargetResetBeforeDetachAndNextSessionWorks() throws Exception {
        attached("stm32f103c8");
        assertThat(gdb.request("M40021018,4:14000000")).isEqualTo("OK"); // RCC_APB2ENR: IOPAEN, IOPCEN

        gdb.writeRaw(RspTestClient.frame("k"));
        assertThat((char) gdb.readByte()).isEqualTo('+');
        gdb.joinServer();

        gdb = new RspTestClient(emulator);
        assertThat(gdb.monitor("swd_scan")).endsWith("|OK");
        assertThat(gdb.request("vAttach;1")).isEqualTo("T05thread:1;");
        assertThat(gdb.request("m40021018,4")).as("RCC_APB2ENR back at its reset value").isEqualTo("00000000");
    }

    @Test
    void givenConnectUnderReset_whenScannedAndAttached_thenCoreHaltedAtResetVector() throws Exception {
        start("stm32f103c8");
        assertThat(gdb.monitor("connect_rst enable")).isEqualTo("Assert nRST during connect: enabled\n|OK");

        assertThat(gdb.monitor("swd_scan")).contains("STM32F1 medium density").endsWith("|OK");
        assertThat(gdb.request("vAttach;1")).isEqualTo("T05thread:1;");

        assertThat(chip.isCoreHalted()).isTrue();
        assertThat(chip.isNrstAsserted()).as("NRST released after the connect").isFalse();
        assertThat(gdb.monitor("connect_rst")).startsWith("Assert nRST during connect: enabled");
    }

    @Test
    void givenXlDensity_whenBank2Written_thenItsOwnRegistersProgramIt() throws Exception {
        attached("stm32f103zg");
        byte[] data = new byte[2048];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 3 + 1);
        }

        assertThat(gdb.request("qXfer:memory-map:read::0,3ff"))
                .contains("length=\"0x100000\"><property name=\"blocksize\">0x800</property>");
        assertThat(gdb.request("vFlashErase:807f800,1000")).isEqualTo("OK");
        assertThat(gdb.request(vFlashWrite(0x0807_F800, data))).isEqualTo("OK");
        assertThat(gdb.request(vFlashWrite(0x0808_0000, data))).isEqualTo("OK");
        assertThat(gdb.request("vFlashDone")).isEqualTo("OK");

        assertThat(gdb.request("qCRC:807f800,800")).isEqualTo("C" + HEX.toHexDigits(GdbCrc32.of(data)));
        assertThat(gdb.request("qCRC:8080000,800")).isEqualTo("C" + HEX.toHexDigits(GdbCrc32.of(data)));
        assertThat(gdb.request("m40022050,4")).as("FLASH_CR2 locked").isEqualTo("80000000");
    }
}
