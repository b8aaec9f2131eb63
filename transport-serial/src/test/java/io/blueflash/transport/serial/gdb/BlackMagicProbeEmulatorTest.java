package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.StreamSerialLine;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host transport against the sim's BMP emulator over in-memory pipes (two implementations of RSP meeting). */
class BlackMagicProbeEmulatorTest {

    private static final ProbeSelector SELECTOR = new ProbeSelector("bmp", EmulatedBlackMagicProbe.PORT);
    private EmulatedBlackMagicProbe probe;
    private TargetConnection connection;

    private TargetConnection connect(String profile) {
        probe = new EmulatedBlackMagicProbe(profile);
        connection = probe.connector().connect(SELECTOR, ConnectOptions.defaults());
        return connection;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (probe != null) {
            probe.close();
            assertThat(probe.failure()).isNull();
        }
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + seed + (i >> 8));
        }
        return data;
    }

    @Test
    void givenBluePill_whenConnected_thenProbeNamesTargetAndOffersThreeViews() {
        TargetConnection c = connect("stm32f103c8");

        assertThat(c.probe().selectorText()).isEqualTo("bmp:" + EmulatedBlackMagicProbe.PORT);
        assertThat(c.probe().description()).contains("STM32F1 medium density");
        assertThat(c.capabilities()).containsExactlyInAnyOrder(TargetCapability.MEMORY_ACCESS,
                TargetCapability.NATIVE_FLASH, TargetCapability.CORE_CONTROL);
        assertThat(((BlackMagicTargetConnection) c).scanOutput()).contains("Target voltage: 3.3V");
        assertThat(((BlackMagicTargetConnection) c).memoryMap().flashRegions()).singleElement()
                .satisfies(r -> assertThat(r.blockSize()).isEqualTo(0x400));
        assertThat(probe.chip.isCoreHalted()).isTrue();
    }

    @Test
    void givenConnection_whenIdRegistersRead_thenChipValues() {
        MemoryAccess memory = connect("stm32f103c8").memoryAccess().orElseThrow();

        assertThat(memory.read32(0xE004_2000)).isEqualTo(0x2003_6410);
        assertThat(memory.read32(0xE000_ED00)).isEqualTo(0x411F_C231);
        assertThat(memory.read16(0x1FFF_F7E0)).isEqualTo(64);
    }

    @Test
    void givenSram_whenBlocksAndSingleAccessesWritten_thenReadBack() {
        MemoryAccess memory = connect("stm32f103c8").memoryAccess().orElseThrow();
        byte[] data = pattern(3000, 5); // several X packets, escapes included

        memory.writeBlock(0x2000_0000, data, AccessWidth.WORD);
        memory.write16(0x2000_1000, 0xBEEF);
        memory.write8(0x2000_1003, 0x7D);

        assertThat(memory.readBlock(0x2000_0000, data.length)).containsExactly(data);
        assertThat(memory.read32(0x2000_1000)).isEqualTo(0x7D00_BEEF);
        assertThat(memory.read8(0x2000_1001)).isEqualTo(0xBE);
    }

    @Test
    void givenUnmappedAddress_whenRead_thenMemoryFaultFromTheEReply() {
        MemoryAccess memory = connect("stm32f103c8").memoryAccess().orElseThrow();

        assertThatThrownBy(() -> memory.read32(0x6000_0000))
                .isInstanceOfSatisfying(MemoryFaultException.class,
                        e -> assertThat(e.address()).isEqualTo(0x6000_0000))
                .hasMessageContaining("E01");
    }

    @Test
    void givenErasedPages_whenProgrammedNatively_thenFlashHoldsImageAndRestStaysErased() {
        TargetConnection c = connect("stm32f103c8");
        NativeFlashAccess flash = c.nativeFlashAccess().orElseThrow();
        MemoryAccess memory = c.memoryAccess().orElseThrow();
        byte[] image = pattern(2500, 9);

        for (int page = 0; page < 3; page++) {
            flash.erasePage(0x0800_0000 + page * 1024, 1024);
        }
        flash.program(0x0800_0000, Arrays.copyOf(image, 1200));
        flash.program(0x0800_0000 + 1200, Arrays.copyOfRange(image, 1200, 2500));
        flash.finish();

        assertThat(memory.readBlock(0x0800_0000, 2500)).containsExactly(image);
        assertThat(memory.readBlock(0x0800_0000 + 2500, 3 * 1024 - 2500)).containsOnly((byte) 0xFF);
    }

    @Test
    void givenBufferedWrites_whenReadWithoutFinish_thenVFlashDoneSentFirst() {
        TargetConnection c = connect("stm32f103c8");
        NativeFlashAccess flash = c.nativeFlashAccess().orElseThrow();
        flash.erasePage(0x0800_0400, 1024);

        flash.program(0x0800_0400, new byte[] {1, 2, 3, 4});

        assertThat(c.memoryAccess().orElseThrow().read32(0x0800_0400)).isEqualTo(0x0403_0201);
    }

    @Test
    void givenMassErase_whenRun_thenWholeFlashErased() {
        TargetConnection c = connect("stm32f103c8");
        NativeFlashAccess flash = c.nativeFlashAccess().orElseThrow();
        flash.erasePage(0x0800_F000, 1024);
        flash.program(0x0800_F000, pattern(16, 1));
        flash.finish();

        flash.massErase();

        assertThat(c.memoryAccess().orElseThrow().readBlock(0x0800_F000, 16)).containsOnly((byte) 0xFF);
    }

    @Test
    void givenPageSizeThatDoesNotMatchTheProbeBlocks_whenErased_thenMismatchAndNothingErased() {
        TargetConnection c = connect("stm32f103rc"); // 2 KB blocks
        NativeFlashAccess flash = c.nativeFlashAccess().orElseThrow();
        flash.erasePage(0x0800_0000, 2048);
        flash.program(0x0800_0000, pattern(2048, 3));
        flash.finish();

        assertThatThrownBy(() -> flash.erasePage(0x0800_0400, 1024))
                .isInstanceOf(FlashGeometryMismatchException.class).hasMessageContaining("2048-byte flash blocks");

        assertThat(c.memoryAccess().orElseThrow().readBlock(0x0800_0000, 2048)).containsExactly(pattern(2048, 3));
    }

    @Test
    void givenNotErasedFlash_whenProgrammed_thenErrorReplyBecomesException() {
        TargetConnection c = connect("stm32f103c8");
        NativeFlashAccess flash = c.nativeFlashAccess().orElseThrow();
        flash.erasePage(0x0800_0000, 1024);
        flash.program(0x0800_0000, new byte[] {0x11, 0x22});
        flash.finish();
        flash.program(0x0800_0000, new byte[] {0x33, 0x44});

        assertThatThrownBy(flash::finish).isInstanceOf(GdbErrorReplyException.class)
                .hasMessageContaining("vFlashDone").hasMessageContaining("not erased");
    }

    @Test
    void givenHaltedCore_whenRegistersWritten_thenReadBack_andRunThenHaltWorks() {
        TargetConnection connection = connect("stm32f103c8");
        CoreControl core = connection.coreControl().orElseThrow();
        // the core executes: give it a loop in SRAM (a blank chip would HardFault into BMP's vector catch)
        connection.memoryAccess().orElseThrow().write32(0x2000_0000, 0xE7FE_E7FE);
        core.writeCoreRegister(15, 0x2000_0000);

        core.writeCoreRegister(0, 0x1234_5678);
        core.writeCoreRegister(16, 0x0100_0000);
        assertThat(core.readCoreRegister(0)).isEqualTo(0x1234_5678);
        assertThat(core.readCoreRegister(16)).isEqualTo(0x0100_0000);

        core.resume();
        assertThat(core.isHalted()).isFalse();
        probe.awaitIdle(); // resume() returns on the probe's '+', before the emulator thread acts on 'c'
        assertThat(probe.chip.isCoreHalted()).isFalse();
        assertThatThrownBy(() -> core.readCoreRegister(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("halt it");

        core.halt();
        assertThat(core.isHalted()).isTrue();
        assertThat(probe.chip.isCoreHalted()).isTrue();
    }

    @Test
    void givenVectorTableInFlash_whenResetAndHalt_thenPcAtResetHandler() {
        TargetConnection c = connect("stm32f103c8");
        NativeFlashAccess flash = c.nativeFlashAccess().orElseThrow();
        flash.erasePage(0x0800_0000, 1024);
        flash.program(0x0800_0000, new byte[] {0, 0x50, 0, 0x20, 0x41, 0x01, 0, 0x08});
        flash.finish();

        c.coreControl().orElseThrow().resetAndHalt();

        assertThat(c.coreControl().orElseThrow().readCoreRegister(15)).isEqualTo(0x0800_0140);
        assertThat(c.coreControl().orElseThrow().readCoreRegister(13)).isEqualTo(0x2000_5000);
    }

    @Test
    void givenCorruptedByteFromHost_whenConnecting_thenProbeAsksForResendAndAllWorks() throws Exception {
        probe = new EmulatedBlackMagicProbe("stm32f103c8", EmulatedBlackMagicProbe.corruptByteAt(3),
                java.util.function.UnaryOperator.identity());
        connection = probe.connector().connect(SELECTOR, ConnectOptions.defaults());

        assertThat(((BlackMagicTargetConnection) connection).resends()).isEqualTo(1);
        assertThat(connection.memoryAccess().orElseThrow().read32(0xE004_2000)).isEqualTo(0x2003_6410);
    }

    @Test
    void givenCorruptedByteFromProbe_whenConnecting_thenHostAsksForResendAndAllWorks() throws Exception {
        probe = new EmulatedBlackMagicProbe("stm32f103c8", java.util.function.UnaryOperator.identity(),
                EmulatedBlackMagicProbe.corruptByteAt(5));
        connection = probe.connector().connect(SELECTOR, ConnectOptions.defaults());

        assertThat(((BlackMagicTargetConnection) connection).resends()).isEqualTo(1);
        assertThat(connection.memoryAccess().orElseThrow().read32(0xE004_2000)).isEqualTo(0x2003_6410);
    }

    @Test
    void givenNoAckOption_whenConnected_thenWorksWithoutAcknowledgements() {
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        connection = probe.connector().connect(SELECTOR,
                ConnectOptions.defaults().withTransportOption(BlackMagicTargetConnection.NO_ACK_OPTION, "true"));

        assertThat(connection.memoryAccess().orElseThrow().read32(0xE004_2000)).isEqualTo(0x2003_6410);
    }

    @Test
    void givenUnderReset_whenConnected_thenProbeHeldNrstAndCoreIsHaltedAfterRelease() {
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        connection = probe.connector().connect(SELECTOR, ConnectOptions.defaults().withMode(ConnectMode.UNDER_RESET));

        assertThat(probe.chip.isCoreHalted()).isTrue();
        assertThat(probe.chip.isNrstAsserted()).isFalse();
        assertThat(((BlackMagicTargetConnection) connection).monitor("connect_rst", java.time.Duration.ofSeconds(1))
                .output()).contains("enabled");
    }

    @Test
    void givenHotPlug_whenConnected_thenNoResetButCoreHaltedByAttach() {
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        connection = probe.connector().connect(SELECTOR, ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG));

        assertThat(probe.chip.isCoreHalted()).isTrue();
    }

    @Test
    void givenTargetStuckInWaitStorm_whenConnecting_thenNoTargetFoundWithWiringHint() {
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        probe.chip.faults().waitStorm(1_000_000);

        assertThatThrownBy(() -> probe.connector().connect(SELECTOR, ConnectOptions.defaults()))
                .isInstanceOf(io.blueflash.port.out.TargetCommunicationException.class)
                .hasMessageContaining("found no target on SWD").hasMessageContaining("SWD scan failed")
                .hasMessageContaining("SWDIO, SWCLK, GND");
    }

    @Test
    void givenNothingAnswers_whenConnecting_thenTimeoutNamingThePort() throws Exception {
        PipedInputStream silence = new PipedInputStream();
        PipedOutputStream keepOpen = new PipedOutputStream(silence);
        BlackMagicProbeConnector connector = new BlackMagicProbeConnector((port, settings) ->
                new StreamSerialLine(port, settings, silence, OutputStream.nullOutputStream()));

        assertThatThrownBy(() -> connector.connect(new ProbeSelector("bmp", "/dev/ttyACM7"), ConnectOptions.defaults()
                .withTransportOption(BlackMagicTargetConnection.TIMEOUT_OPTION, "150")))
                .isInstanceOf(RspTimeoutException.class)
                .hasMessageContaining("/dev/ttyACM7").hasMessageContaining("within 150 ms");
        keepOpen.close();
    }

    @Test
    void givenPortThatDoesNotExist_whenConnecting_thenProbeNotFoundNamingThePort() {
        assertThatThrownBy(() -> new BlackMagicProbeConnector().connect(
                ProbeSelector.parse("bmp:/dev/ttyACM-does-not-exist"), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("/dev/ttyACM-does-not-exist");
    }

    @Test
    void givenNoPortAndNoProbeListed_whenConnecting_thenProbeNotFoundSuggestingAPort() {
        BlackMagicProbeConnector connector = new BlackMagicProbeConnector((p, s) -> {
            throw new AssertionError("nothing to open");
        }, java.nio.file.Path.of("/nonexistent/by-id"));

        assertThat(connector.listProbes()).isEmpty();
        assertThatThrownBy(() -> connector.connect(ProbeSelector.parse("bmp"), ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("--probe bmp:/dev/ttyACM0");
    }

    @Test
    void givenConnection_whenClosed_thenDetachedAndCoreRuns() throws Exception {
        TargetConnection c = connect("stm32f103c8");

        c.close();
        probe.close();

        assertThat(probe.chip.isCoreHalted()).isFalse();
        assertThat(probe.failure()).isNull();
    }

    @Test
    void givenUnusedSettings_whenOpened_thenEightNoneOne() {
        SerialSettings[] seen = new SerialSettings[1];
        probe = new EmulatedBlackMagicProbe("stm32f103c8");
        BlackMagicProbeConnector.LineOpener inner = probe.opener();
        connection = new BlackMagicProbeConnector((port, settings) -> {
            seen[0] = settings;
            return inner.open(port, settings);
        }).connect(SELECTOR, ConnectOptions.defaults());

        assertThat(seen[0].toString()).isEqualTo("115200 8N1");
    }
}
