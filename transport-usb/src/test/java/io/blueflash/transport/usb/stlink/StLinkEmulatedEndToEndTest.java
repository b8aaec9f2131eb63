package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.flash.stm32f1.FpecFlashAlgorithm;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.DapRegisterAccess;
import io.blueflash.port.out.DapWaitTimeoutException;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Host protocol → bytes → ST-Link emulator → simulated STM32F103, for every personality. */
class StLinkEmulatedEndToEndTest {

    static final int SRAM = 0x2000_0000, FLASH = 0x0800_0000, FLASH_CR = 0x4002_2010, LOCK = 1 << 7;
    static final int DBGMCU_IDCODE = 0xE004_2000;
    static final FlashGeometry GEOMETRY = FlashGeometry.stm32f1(FLASH, 1024, 64 * 1024);

    static Stream<StLinkPersonality> personalities() {
        return Stream.of(StLinkPersonality.v2(), StLinkPersonality.v21(), StLinkPersonality.v3());
    }

    private static TargetConnection connect(EmulatedStLinks.Probe probe, ConnectOptions options) {
        return EmulatedStLinks.connector(probe).connect(ProbeSelector.parse("stlink"), options);
    }

    private static byte[] pattern(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + seed);
        }
        return data;
    }

    /**
     * The connect's reset-halt owes DEMCR its VC_CORERESET-free value (written with the next DEMCR write or
     * at the latest when the session ends): a session that runs no loader must still leave no vector catch
     * armed, or the board's next reset would stop at the reset vector until a power cycle.
     */
    @Test
    void givenResetHaltAtConnect_whenSessionOnlyReadsAndCloses_thenNoVectorCatchLeftArmedInDemcr() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());

        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            connection.memoryAccess().orElseThrow().read32(DBGMCU_IDCODE);
            assertThat(probe.chip.cpuBus().read(0xE000_EDFC, 4) & 1).as("VC_CORERESET while the session holds the core")
                    .isEqualTo(1);
        }

        assertThat(probe.chip.cpuBus().read(0xE000_EDFC, 4) & 0x7F1).as("DEMCR vector catches after close").isZero();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void givenPersonality_whenConnected_thenVersionDpidrHaltedCoreAndSimulatedTime(StLinkPersonality personality) {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(personality);

        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            assertThat(connection.probe().description()).contains(personality.label().substring(0, 4))
                    .contains("DPIDR 0x1BA01477").contains("target 3.30 V");
            assertThat(connection.probe().selectorText()).isEqualTo("stlink:" + personality.serial());
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
            assertThat(connection.memoryAccess().orElseThrow().read32(DBGMCU_IDCODE) & 0xFFF).isEqualTo(0x410);
            assertThat(connection.capabilities()).contains(TargetCapability.MEMORY_ACCESS,
                    TargetCapability.CORE_CONTROL, TargetCapability.DAP_REGISTER_ACCESS, TargetCapability.RESET_LINE);
            assertThat(connection.simulatedNanos()).isPresent();
            assertThat(connection.simulatedNanos().getAsLong()).isPositive();
        }
        assertThat(probe.channel.closed).isTrue();
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void givenPersonality_whenSramWrittenInEveryWidth_thenReadBackExactly(StLinkPersonality personality) {
        try (TargetConnection connection = connect(EmulatedStLinks.probe(personality), ConnectOptions.defaults())) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            byte[] words = pattern(8192, 1);
            memory.writeBlock(SRAM, words, AccessWidth.WORD);
            memory.writeBlock(SRAM + 0x3000, pattern(100, 2), AccessWidth.HALFWORD);
            memory.writeBlock(SRAM + 0x4001, pattern(99, 3), AccessWidth.BYTE);
            memory.write32(SRAM + 0x4800, 0xCAFE_F00D);
            memory.write16(SRAM + 0x4806, 0xBEEF);
            memory.write8(SRAM + 0x4809, 0x5A);

            assertThat(memory.readBlock(SRAM, 8192)).isEqualTo(words);
            assertThat(memory.readBlock(SRAM + 0x3000, 100)).isEqualTo(pattern(100, 2));
            assertThat(memory.readBlock(SRAM + 0x4001, 99)).isEqualTo(pattern(99, 3));
            assertThat(memory.read32(SRAM + 0x4800)).isEqualTo(0xCAFE_F00D);
            assertThat(memory.read16(SRAM + 0x4806)).isEqualTo(0xBEEF);
            assertThat(memory.read8(SRAM + 0x4809)).isEqualTo(0x5A);
        }
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void givenPersonality_whenFlashPageErasedProgrammedAndRead_thenDataAndFpecLocked(StLinkPersonality personality) {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(personality);
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(memory, GEOMETRY, ProgramPacing.PAGE_BLOCK);
            byte[] page = pattern(1024, 9);

            fpec.erasePage(FLASH + 0x400);
            fpec.programPage(FLASH + 0x400, page);

            assertThat(memory.readBlock(FLASH + 0x400, 1024)).isEqualTo(page);
            assertThat(memory.read32(FLASH_CR) & LOCK).isEqualTo(LOCK);
            assertThat(probe.emulator.counters().count("WRITEMEM_16BIT")).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void givenPersonality_whenCoreRegisterWrittenAndResetRun_thenReadBackThenRunning(StLinkPersonality personality) {
        try (TargetConnection connection = connect(EmulatedStLinks.probe(personality), ConnectOptions.defaults())) {
            CoreControl core = connection.coreControl().orElseThrow();
            core.writeCoreRegister(0, 0x1234_5678);
            assertThat(core.readCoreRegister(0)).isEqualTo(0x1234_5678);

            core.resetAndRun();
            assertThat(core.isHalted()).isFalse();
            core.halt();
            assertThat(core.isHalted()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("personalities")
    void givenPersonality_whenDapRegistersUsedWithWireSemantics_thenDpidrAndPostedApIdr(StLinkPersonality personality) {
        try (TargetConnection connection = connect(EmulatedStLinks.probe(personality), ConnectOptions.defaults())) {
            DapRegisterAccess dap = connection.dapRegisterAccess().orElseThrow();
            assertThat(dap.readDp(DapRegisterAccess.DP_DPIDR)).isEqualTo(0x1BA0_1477);

            dap.writeDp(DapRegisterAccess.DP_SELECT, 0x0000_00F0);
            dap.readAp(0xC); // posted: returns the previous AP read
            assertThat(dap.readDp(DapRegisterAccess.DP_RDBUFF)).isEqualTo(0x1477_0011);
        }
    }

    @Test
    void givenFirmwareJ25_whenProgrammingFlash_thenHalfWordErrorNamesFixAndFlashUntouchedAndLocked() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2().withFirmware(25));
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(memory, GEOMETRY, ProgramPacing.PAGE_BLOCK);
            fpec.erasePage(FLASH);

            assertThatThrownBy(() -> fpec.programPage(FLASH, pattern(64, 4)))
                    .hasStackTraceContaining("J26").hasStackTraceContaining("STSW-LINK007");
            byte[] erased = new byte[64];
            Arrays.fill(erased, (byte) 0xFF);
            assertThat(memory.readBlock(FLASH, 64)).isEqualTo(erased);
            assertThat(memory.read32(FLASH_CR) & LOCK).isEqualTo(LOCK);
            assertThat(probe.emulator.counters().count("WRITEMEM_16BIT")).isZero();
        }
    }

    @Test
    void givenFirmwareJ21_whenConnectingWithAClock_thenNoteSaysClockFixedAndNoDapAccess() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2().withFirmware(21));
        try (StLinkTargetConnection connection = (StLinkTargetConnection) connect(probe,
                ConnectOptions.defaults().withSwdFrequencyKhz(4000))) {
            assertThat(connection.notes()).anySatisfy(n -> assertThat(n).contains("cannot set the SWD clock"));
            assertThat(connection.capabilities()).doesNotContain(TargetCapability.DAP_REGISTER_ACCESS);
            assertThat(probe.emulator.counters().count("SWD_SET_FREQ")).isZero();
            assertThat(connection.memoryAccess().orElseThrow().read32(DBGMCU_IDCODE) & 0xFFF).isEqualTo(0x410);
        }
    }

    @Test
    void givenRequestOf1000kHzOnV2_whenConnected_thenRoundedTo950WithNote() {
        try (StLinkTargetConnection connection = (StLinkTargetConnection) connect(
                EmulatedStLinks.probe(StLinkPersonality.v2()), ConnectOptions.defaults().withSwdFrequencyKhz(1000))) {
            assertThat(connection.notes()).anySatisfy(n -> assertThat(n).contains("using 950 kHz"));
            assertThat(connection.probe().description()).contains("SWD 950 kHz");
        }
    }

    @Test
    void givenWaitStorm_whenReading_thenProbeReportsWaitHostRetriesAndDataIsRight() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            memory.writeBlock(SRAM, pattern(256, 5), AccessWidth.WORD);
            long before = probe.emulator.counters().count("READMEM_32BIT");

            probe.chip.faults().waitStorm(12);
            byte[] read = memory.readBlock(SRAM, 256);

            assertThat(read).isEqualTo(pattern(256, 5));
            assertThat(probe.emulator.counters().count("READMEM_32BIT") - before).isGreaterThan(1);
        }
    }

    @Test
    void givenEndlessWaitStorm_whenWriting_thenWaitTimeoutWithAdvice() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            probe.chip.faults().waitStorm(1_000_000);

            assertThatThrownBy(() -> connection.memoryAccess().orElseThrow().writeBlock(SRAM, new byte[16], AccessWidth.WORD))
                    .isInstanceOf(DapWaitTimeoutException.class).hasMessageContaining("WAIT");
            probe.chip.faults().clear();
        }
    }

    @Test
    void givenBusErrorAtAddress_whenBlockReadCrossesIt_thenMemoryFaultWithThatAddress() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            probe.chip.faults().faultOnAddress(SRAM + 0x108);

            assertThatThrownBy(() -> connection.memoryAccess().orElseThrow().readBlock(SRAM + 0x100, 64))
                    .isInstanceOfSatisfying(MemoryFaultException.class,
                            e -> assertThat(e.address()).isEqualTo(SRAM + 0x108))
                    .hasMessageContaining("0x20000108");
        }
    }

    @Test
    void givenProbeVanishesMidWrite_whenReconnected_thenClearErrorFpecLockedAndOtherPagesIntact() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        byte[] kept = pattern(1024, 6);
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(connection.memoryAccess().orElseThrow(), GEOMETRY,
                    ProgramPacing.PAGE_BLOCK);
            fpec.erasePage(FLASH);
            fpec.programPage(FLASH, kept);
            fpec.erasePage(FLASH + 0x400);
            probe.channel.vanishAfter(8);

            assertThatThrownBy(() -> fpec.programPage(FLASH + 0x400, pattern(1024, 7)))
                    .isInstanceOf(TargetCommunicationException.class).hasMessageContaining("unplugged");
        }
        probe.replug();
        try (TargetConnection again = connect(probe, ConnectOptions.defaults())) {
            MemoryAccess memory = again.memoryAccess().orElseThrow();
            assertThat(memory.read32(FLASH_CR) & LOCK).isEqualTo(LOCK);
            assertThat(memory.readBlock(FLASH, 1024)).isEqualTo(kept);
            byte[] erased = new byte[1024];
            Arrays.fill(erased, (byte) 0xFF);
            assertThat(memory.readBlock(FLASH + 0x800, 1024)).isEqualTo(erased);
        }
    }

    @Test
    void givenTwoProbes_whenSelectedBySerial_thenOnlyThatProbesChipIsWritten() {
        EmulatedStLinks.Probe a = EmulatedStLinks.probe(StLinkPersonality.v2().withSerial("CLONE0000000000000000A"));
        EmulatedStLinks.Probe b = EmulatedStLinks.probe(StLinkPersonality.v21());
        StLinkProbeConnector connector = EmulatedStLinks.connector(a, b);

        assertThat(connector.listProbes()).hasSize(2);
        try (TargetConnection connection = connector.connect(ProbeSelector.parse("stlink:" + b.personality.serial()),
                ConnectOptions.defaults())) {
            connection.memoryAccess().orElseThrow().write32(SRAM, 0x0B0B_0B0B);
            assertThat(connection.probe().serial()).isEqualTo(b.personality.serial());
        }
        assertThat(b.chip.cpuBus().read(SRAM, 4)).isEqualTo(0x0B0B_0B0B);
        assertThat(a.chip.cpuBus().read(SRAM, 4)).isNotEqualTo(0x0B0B_0B0B);
        assertThat(a.emulator.counters().commands()).isZero();
    }

    @Test
    void givenHotPlug_whenConnected_thenNoResetAndCoreNotHalted() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults().withMode(ConnectMode.HOT_PLUG))) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isFalse();
            assertThat(probe.emulator.counters().count("WRITEDEBUGREG")).isZero();
        }
    }

    @Test
    void givenConnectUnderReset_whenConnected_thenNrstDrivenAndCoreHalted() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults().withMode(ConnectMode.UNDER_RESET))) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
            assertThat(probe.emulator.counters().count("DRIVE_NRST")).isEqualTo(2);
            assertThat(probe.chip.isNrstAsserted()).isFalse();
        }
    }

    @Test
    void givenUnpoweredTarget_whenConnecting_thenLowVoltageNoteOrClearError() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2().withTargetMillivolts(0));

        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            assertThat(connection.probe().description()).contains("target voltage unknown");
        }
    }

    @Test
    void givenTraceSink_whenConnected_thenEveryUsbCommandTracedWithRisingSimulatedTime() {
        java.util.List<Long> times = new java.util.ArrayList<>();
        java.util.List<String> lines = new java.util.ArrayList<>();
        ConnectOptions options = ConnectOptions.defaults().withTrace((layer, simNanos, text) -> {
            if (layer.equals("usb")) {
                times.add(simNanos);
                lines.add(text);
            }
        });
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());

        try (TargetConnection connection = connect(probe, options)) {
            connection.memoryAccess().orElseThrow().readBlock(SRAM, 64);
        }

        // facts §D.10: versions, mode, DFU exit, voltage, clock before ENTER_SWD, INIT_AP (J28+), IDCODE
        assertThat(lines).startsWith("GET_VERSION -> 6 bytes", "GET_CURRENT_MODE -> 2 bytes", "DFU_EXIT",
                "GET_TARGET_VOLTAGE -> 8 bytes", "SWD_SET_FREQ -> 2 bytes", "ENTER_SWD -> 2 bytes", "INIT_AP -> 2 bytes",
                "READ_IDCODES -> 12 bytes");
        assertThat(lines).contains("READMEM_32BIT -> 64 bytes", "GETLASTRWSTATUS2 -> 12 bytes").endsWith("EXIT");
        assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isPositive());
        assertThat((long) lines.size()).isEqualTo(probe.emulator.counters().commands());
    }

    @Test
    void givenNrstNotWired_whenConnectingUnderReset_thenStillHaltedThroughTheSoftReset() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        probe.chip.faults().nrstNotWired(true);

        try (TargetConnection connection = connect(probe, ConnectOptions.defaults().withMode(ConnectMode.UNDER_RESET))) {
            assertThat(connection.coreControl().orElseThrow().isHalted()).isTrue();
        }
    }

    @Test
    void givenCks32CloneChip_whenConnected_thenItsDpidrIsReported() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2(), "cks32f103c8");

        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            assertThat(connection.probe().description()).contains("DPIDR 0x2BA01477");
        }
    }

    @Test
    void givenApm32CloneChip_whenImageWrittenWithTheCoreService_thenReadsBackDespiteItsBsyQuirk() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2(), "apm32f103c8");
        io.blueflash.image.FirmwareImage image = io.blueflash.contract.TestImages.random(FLASH, 3 * 1024, 21);
        java.util.List<io.blueflash.port.out.ProbeConnector> connectors = java.util.List.of(EmulatedStLinks.connector(probe));

        io.blueflash.port.in.WriteReport report = new io.blueflash.service.WriteImageService(connectors).write(
                new io.blueflash.port.in.WriteImageRequest(ProbeSelector.parse("stlink"), ConnectOptions.defaults(), image,
                        io.blueflash.model.FlashOptions.defaults(), io.blueflash.progress.ProgressListener.NONE));

        assertThat(report.verified()).isTrue();
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            assertThat(connection.memoryAccess().orElseThrow().readBlock(FLASH, 3 * 1024))
                    .isEqualTo(image.segments().get(0).data());
        }
    }

    @Test
    void givenTargetLosesPowerMidWrite_whenProgramming_thenErrorSaysCheckPowerAndWiring() {
        EmulatedStLinks.Probe probe = EmulatedStLinks.probe(StLinkPersonality.v2());
        try (TargetConnection connection = connect(probe, ConnectOptions.defaults())) {
            FpecFlashAlgorithm fpec = new FpecFlashAlgorithm(connection.memoryAccess().orElseThrow(), GEOMETRY,
                    ProgramPacing.PAGE_BLOCK);
            fpec.erasePage(FLASH);
            probe.chip.faults().powerLossAfterBusWrites(40);

            assertThatThrownBy(() -> fpec.programPage(FLASH, pattern(1024, 8)))
                    .isInstanceOf(TargetCommunicationException.class)
                    .hasStackTraceContaining("SWD DP error (0x16)").hasStackTraceContaining("target's power");
        }
    }
}
