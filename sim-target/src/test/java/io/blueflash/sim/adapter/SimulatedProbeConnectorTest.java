package io.blueflash.sim.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.port.out.ProbeStateException;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.sim.chip.Stm32F103;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedProbeConnectorTest {

    private static final int DHCSR = 0xE000_EDF0;
    private final SimulatedProbeConnector connector = new SimulatedProbeConnector();

    @TempDir
    Path temp;

    private TargetConnection connect(String selector, ConnectOptions options) {
        return connector.connect(ProbeSelector.parse(selector), options);
    }

    @Test
    void givenServiceLoader_whenLookingForSim_thenConnectorFound() {
        assertThat(ServiceLoader.load(ProbeConnector.class).stream().map(ServiceLoader.Provider::get)
                .map(ProbeConnector::transportName)).contains("sim");
    }

    @Test
    void givenConnector_whenListing_thenEveryProfileIsAProbe() {
        assertThat(connector.listProbes()).extracting(p -> p.selectorText())
                .containsAll(SimProfile.knownNames().stream().map(n -> "sim:" + n).toList());
    }

    @Test
    void givenUnknownProfile_whenConnect_thenProbeNotFoundListingKnownProfiles() {
        assertThatThrownBy(() -> connect("sim:stm32f999", ConnectOptions.defaults()))
                .isInstanceOf(ProbeNotFoundException.class).hasMessageContaining("stm32f103c8")
                .hasMessageContaining("apm32f103c8");
    }

    @Test
    void givenNoArgument_whenConnect_thenDefaultProfileHaltedWithAllCapabilities() {
        try (TargetConnection connection = connect("sim", ConnectOptions.defaults())) {
            assertThat(connection.probe().serial()).isEqualTo("stm32f103c8");
            assertThat(connection.capabilities()).containsExactlyInAnyOrder(TargetCapability.DAP_REGISTER_ACCESS,
                    TargetCapability.MEMORY_ACCESS, TargetCapability.CORE_CONTROL, TargetCapability.RESET_LINE);
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            assertThat(memory.read32(0xE004_2000)).isEqualTo(0x2003_6410);
            assertThat(memory.read16(0x1FFF_F7E0)).isEqualTo(64);
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
            assertThat(connection.dapRegisterAccess().orElseThrow().readDp(0)).isEqualTo(0x1BA0_1477);
            assertThat(connection.simulatedNanos().orElseThrow()).isPositive();
        }
    }

    @Test
    void givenNumberedBoards_whenConnect_thenEachIsAChipOfItsOwnWithItsOwnUniqueIdAndSelector() {
        byte[] written = {1, 2, 3, 4};
        try (TargetConnection one = connect("sim#1", ConnectOptions.defaults());
             TargetConnection two = connect("sim:stm32f103cb#2", ConnectOptions.defaults())) {
            MemoryAccess m1 = one.memoryAccess().orElseThrow();
            MemoryAccess m2 = two.memoryAccess().orElseThrow();
            assertThat(one.probe().selectorText()).isEqualTo("sim:stm32f103c8#1");
            assertThat(two.probe().selectorText()).isEqualTo("sim:stm32f103cb#2");
            assertThat(m1.read32(0x1FFF_F7E8)).as("U_ID[31:0] of board 1: the profile's plus 1").isEqualTo(0x0033_FF36);
            assertThat(m2.read32(0x1FFF_F7E8)).isEqualTo(0x0033_FF37);
            assertThat(m1.read32(0x1FFF_F7EC)).isEqualTo(m2.read32(0x1FFF_F7EC));
            m1.writeBlock(0x2000_0000, written, io.blueflash.port.out.AccessWidth.WORD);
            assertThat(m2.readBlock(0x2000_0000, 4)).as("board 2's SRAM is its own").isNotEqualTo(written);
        }
        try (TargetConnection plain = connect("sim", ConnectOptions.defaults())) {
            assertThat(plain.memoryAccess().orElseThrow().read32(0x1FFF_F7E8)).as("the unnumbered board")
                    .isEqualTo(0x0033_FF35);
        }
    }

    @Test
    void givenBoardNumberZeroOrText_whenConnect_thenProbeNotFoundSayingWhat() {
        assertThatThrownBy(() -> connect("sim#0", ConnectOptions.defaults())).isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining("1 or more");
        assertThatThrownBy(() -> connect("sim#x", ConnectOptions.defaults())).isInstanceOf(ProbeNotFoundException.class);
    }

    @Test
    void givenHotPlug_whenConnect_thenCoreKeepsRunning() {
        try (TargetConnection connection = connect("sim:stm32f103cb", ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG))) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isFalse();
            assertThat(connection.memoryAccess().orElseThrow().read32(DHCSR) & 0x0200_0000).isZero(); // no reset happened
        }
    }

    @Test
    void givenResetHaltAtConnect_whenSessionCloses_thenNoVectorCatchLeftArmedInDemcr() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        try (TargetConnection connection = SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"),
                ConnectOptions.defaults())) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
        }

        assertThat(chip.cpuBus().read(0xE000_EDFC, 4) & 0x7F1).as("DEMCR vector catches after close").isZero();
    }

    @Test
    void givenUnderReset_whenConnect_thenHaltedAtResetVector() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        ConnectOptions options = ConnectOptions.defaults().withMode(ConnectMode.UNDER_RESET);
        try (TargetConnection connection = SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"), options)) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
            assertThat(connection.coreControl().orElseThrow().readCoreRegister(15)).isEqualTo(0xFFFF_FFFE);
        }
    }

    @Test
    void givenNrstNotWired_whenConnectUnderReset_thenFallsBackToSoftResetHalt() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        chip.faults().nrstNotWired(true);
        ConnectOptions options = ConnectOptions.defaults().withMode(ConnectMode.UNDER_RESET);
        try (TargetConnection connection = SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"), options)) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
        }
    }

    @Test
    void givenSwdFrequency_whenConnect_thenChipClockedAtIt() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        try (TargetConnection ignored = SimulatedProbeConnector.withBoard(chip)
                .connect(ProbeSelector.parse("sim"), ConnectOptions.defaults().withSwdFrequencyKhz(1800))) {
            assertThat(chip.debugPort().frequencyHz()).isEqualTo(1_800_000L);
        }
    }

    @Test
    void givenTimingOption_whenConnect_thenFlashUsesThatCorner() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(SimulatedProbeConnector.TIMING_OPTION, "max");
        try (TargetConnection ignored = SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"), options)) {
            assertThat(chip.flashTiming().programNanos()).isEqualTo(70_000L);
        }
        assertThatThrownBy(() -> connect("sim", ConnectOptions.defaults().withTransportOption("sim.timing", "fast")))
                .hasMessageContaining("min, typ, max");
    }

    @Test
    void givenApWaitOption_whenCoreWritesFlash_thenWaitAcksRetriedAndImageWritten() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimulatedProbeConnector board = SimulatedProbeConnector.withBoard(chip);
        List<String> waits = new ArrayList<>();
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(SimulatedProbeConnector.AP_WAIT_OPTION, "true")
                .withTrace((layer, nanos, text) -> {
                    if (text.endsWith("-> WAIT")) {
                        waits.add(text);
                    }
                });
        io.blueflash.image.FirmwareImage image = io.blueflash.contract.TestImages.random(0x0800_0000L, 2048, 5);
        new io.blueflash.service.WriteImageService(List.of(board)).write(new io.blueflash.port.in.WriteImageRequest(
                ProbeSelector.parse("sim"), options, image, io.blueflash.model.FlashOptions.defaults()
                        .withMethod(io.blueflash.model.FlashMethod.REGISTERS), // the debugger writes flash itself
                io.blueflash.progress.ProgressListener.NONE));
        assertThat(waits).isNotEmpty();
        assertThat(chip.saveState().flash()).startsWith(image.segments().get(0).data());
    }

    @Test
    void givenTraceSink_whenConnect_thenSwdAndDecodedBusLinesWithSimTime() {
        List<String> lines = new ArrayList<>();
        ConnectOptions options = ConnectOptions.defaults().withTrace((layer, nanos, text) -> lines.add(layer + " " + text));
        try (TargetConnection connection = connect("sim", options)) {
            connection.memoryAccess().orElseThrow().read32(0xE004_2000);
        }
        assertThat(lines).anyMatch(l -> l.startsWith("swd DP read  DPIDR"));
        assertThat(lines).anyMatch(l -> l.equals("bus dbg DBGMCU_IDCODE -> 0x20036410"));
        assertThat(lines).anyMatch(l -> l.startsWith("bus dbg DHCSR <- DBGKEY|C_DEBUGEN|C_HALT"));
    }

    @Test
    void givenStateFile_whenWrittenAndReconnected_thenFlashSurvives() throws Exception {
        Path state = temp.resolve("board.sim");
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
        try (TargetConnection connection = connect("sim", options)) {
            programHalfWord(connection.memoryAccess().orElseThrow(), 0x0800_0400, 0xBEEF);
        }
        assertThat(state).exists();
        try (TargetConnection connection = new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"), options)) {
            assertThat(connection.memoryAccess().orElseThrow().read16(0x0800_0400)).isEqualTo(0xBEEF);
        }
    }

    @Test
    void givenCorruptStateFile_whenConnect_thenErrorNamesFileAndFileUntouched() throws Exception {
        Path state = temp.resolve("corrupt.sim");
        byte[] garbage = "not a state file at all".getBytes();
        Files.write(state, garbage);
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
        assertThatThrownBy(() -> connect("sim", options)).isInstanceOf(ProbeStateException.class)
                .hasMessageContaining(state.toString())
                .satisfies(e -> assertThat(((ProbeStateException) e).kind()).isEqualTo(ProbeStateException.Kind.UNUSABLE));
        assertThat(Files.readAllBytes(state)).isEqualTo(garbage);
    }

    @Test
    void givenOpenSessionOnAStateFile_whenSecondSessionConnects_thenProbeBusyNamingTheHolder() {
        Path state = temp.resolve("shared.sim");
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
        try (TargetConnection first = new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"), options)) {
            assertThatThrownBy(() -> new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"), options))
                    .isInstanceOf(ProbeBusyException.class).hasMessageContaining(state.toString())
                    .satisfies(e -> assertThat(((ProbeBusyException) e).holder()).get().asString()
                            .contains("pid " + ProcessHandle.current().pid()));
        }
        try (TargetConnection again = new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"), options)) {
            assertThat(again.probe().selectorText()).isEqualTo("sim:stm32f103c8");
        }
    }

    @Test
    void givenStateThatCannotBeSaved_whenClosedAfterAWrite_thenProbeStateExceptionNotSaved() {
        // a name the file system accepts, whose temporary sibling (name + random + .tmp) is too long
        Path state = temp.resolve("s".repeat(240));
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
        TargetConnection connection = new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"), options);
        programHalfWord(connection.memoryAccess().orElseThrow(), 0x0800_0000, 0x1234);

        assertThatThrownBy(connection::close).isInstanceOf(ProbeStateException.class)
                .hasMessageContaining("NOT saved").hasMessageContaining(state.toString())
                .satisfies(e -> assertThat(((ProbeStateException) e).kind()).isEqualTo(ProbeStateException.Kind.NOT_SAVED));
        assertThat(state).doesNotExist();
        TargetConnection after = new SimulatedProbeConnector().connect(ProbeSelector.parse("sim"), options);
        assertThat(after.probe().selectorText()).as("the lock was released even so").isEqualTo("sim:stm32f103c8");
        assertThatThrownBy(after::close).isInstanceOf(ProbeStateException.class);
    }

    @Test
    void givenLoadedStateUnchanged_whenClosed_thenFileNotRewritten() throws Exception {
        Path state = temp.resolve("unchanged.sim");
        ConnectOptions options = ConnectOptions.defaults().withTransportOption(ConnectOptions.SIM_STATE_FILE, state.toString());
        try (TargetConnection connection = connect("sim", options)) {
            programHalfWord(connection.memoryAccess().orElseThrow(), 0x0800_0000, 0x1234);
        }
        java.nio.file.attribute.FileTime saved = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(state, saved);
        try (TargetConnection connection = connect("sim", options)) {
            assertThat(connection.memoryAccess().orElseThrow().read16(0x0800_0000)).isEqualTo(0x1234);
        }
        assertThat(Files.getLastModifiedTime(state)).as("a read-only session leaves the file alone").isEqualTo(saved);
    }

    @Test
    void givenFaultsOption_whenConnected_thenTheChipHasThem() {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        ConnectOptions options = ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG)
                .withTransportOption(SimulatedProbeConnector.FAULTS_OPTION, "wait-storm=7, nrst-not-wired");
        try (TargetConnection ignored = SimulatedProbeConnector.withBoard(chip).connect(ProbeSelector.parse("sim"), options)) {
            assertThat(chip.faults().isNrstNotWired()).isTrue();
        }
        assertThatThrownBy(() -> SimulatedProbeConnector.withBoard(Stm32F103.create("stm32f103c8")).connect(
                ProbeSelector.parse("sim"), ConnectOptions.defaults().withTransportOption(
                        SimulatedProbeConnector.FAULTS_OPTION, "lightning=3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lightning")
                .hasMessageContaining("power-loss-after=N");
    }

    @Test
    void givenNoStateFile_whenSecondConnection_thenSameBoardInMemory() {
        try (TargetConnection connection = connect("sim:stm32f103cb", ConnectOptions.defaults())) {
            programHalfWord(connection.memoryAccess().orElseThrow(), 0x0800_0000, 0x1234);
        }
        try (TargetConnection connection = connect("sim:stm32f103cb", ConnectOptions.defaults())) {
            assertThat(connection.memoryAccess().orElseThrow().read16(0x0800_0000)).isEqualTo(0x1234);
        }
    }

    @Test
    void givenResetLine_whenPulsed_thenSystemResetSeenInDhcsr() {
        try (TargetConnection connection = connect("sim", ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG))) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            memory.read32(DHCSR);
            assertThat(memory.read32(DHCSR) & 0x0200_0000).isZero();
            connection.resetLine().orElseThrow().pulse();
            assertThat(memory.read32(DHCSR) & 0x0200_0000).isNotZero();
        }
    }

    static void programHalfWord(MemoryAccess memory, int address, int value) {
        memory.write32(0x4002_2004, 0x4567_0123);
        memory.write32(0x4002_2004, 0xCDEF_89AB);
        memory.write32(0x4002_2010, 1);
        memory.write16(address, value);
        while ((memory.read32(0x4002_200C) & 1) != 0) {
            Thread.onSpinWait();
        }
        memory.write32(0x4002_2010, 0x80);
    }
}
