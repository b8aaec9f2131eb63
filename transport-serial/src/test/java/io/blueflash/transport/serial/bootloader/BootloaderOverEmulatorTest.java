package io.blueflash.transport.serial.bootloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.TraceSink;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.NativeFlashAccess;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.transport.serial.line.SerialSettings;
import io.blueflash.transport.serial.line.StreamSerialLine;
import io.blueflash.transport.serial.testing.CorruptingOutputStream;
import io.blueflash.transport.serial.testing.EmulatedBootloader;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The host protocol against the device-side emulator over in-memory streams (DESIGN §5). */
class BootloaderOverEmulatorTest {

    private static final SerialSettings LINE = SerialSettings.eightEvenOne(115200);
    private static final int FLASH = 0x0800_0000;

    private final Stm32F103 chip = Stm32F103.create("stm32f103c8");
    private final List<String> traces = new CopyOnWriteArrayList<>();
    private final TraceSink sink = (layer, nanos, text) -> traces.add(text);

    private BootloaderTargetConnection open(EmulatedBootloader bootloader) {
        return BootloaderTargetConnection.open(bootloader.hostLine(), BootloaderTimeouts.defaults(), 3, sink);
    }

    private static byte[] pattern(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void givenEmulator_whenConnecting_thenF1BootloaderWithPidAndBothCapabilities() throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            assertThat(connection.info().versionText()).isEqualTo("V2.2");
            assertThat(connection.productId()).isEqualTo(0x410);
            assertThat(connection.capabilities())
                    .containsExactlyInAnyOrder(TargetCapability.NATIVE_FLASH, TargetCapability.MEMORY_ACCESS,
                            TargetCapability.NATIVE_PROTECTION);
            assertThat(connection.probe().selectorText()).isEqualTo("bootloader:emulated-bootloader");
            assertThat(connection.probe().description()).contains("V2.2", "0x410", "115200 8E1");
        }
    }

    @Test
    void givenErasedPages_whenProgrammingThroughNativeFlash_thenReadBackMatchesAndNeighboursStayErased()
            throws Exception {
        byte[] image = pattern(3 * 1024 + 100, 1);
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            NativeFlashAccess flash = connection.nativeFlashAccess().orElseThrow();
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            flash.program(FLASH + 0x1000, image);
            assertThat(memory.readBlock(FLASH + 0x1000, image.length)).isEqualTo(image);
            assertThat(memory.read32(FLASH + 0x1000 + image.length)).isEqualTo(0xFFFF_FFFF);
            flash.erasePage(FLASH + 0x1400, 1024);
            byte[] after = memory.readBlock(FLASH + 0x1000, 0x800);
            for (int i = 0; i < 0x400; i++) {
                assertThat(after[i]).isEqualTo(image[i]);
                assertThat(after[0x400 + i]).isEqualTo((byte) 0xFF);
            }
            flash.massErase();
            assertThat(memory.readBlock(FLASH + 0x1000, 16)).containsOnly((byte) 0xFF);
        }
    }

    @Test
    void givenSram_whenByteHalfWordAndWordWrites_thenReadModifyWriteKeepsNeighbours() throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            int a = 0x2000_1000;
            memory.write32(a, 0x1122_3344);
            memory.write8(a + 1, 0xAB);
            memory.write16(a + 2, 0xCDEF);
            assertThat(memory.read32(a)).isEqualTo(0xCDEF_AB44);
            assertThat(memory.read16(a + 2)).isEqualTo(0xCDEF);
            assertThat(memory.read8(a + 1)).isEqualTo(0xAB);
            memory.write32(a + 4, 0x5566_7788);
            memory.write32(a + 8, 0x99AA_BBCC);
            memory.writeBlock(a + 5, new byte[] {9, 8, 7, 6, 5}, AccessWidth.BYTE);
            assertThat(memory.readBlock(a + 4, 8)).containsExactly(0x88, 9, 8, 7, 6, 5, 0xAA, 0x99);
            assertThatThrownBy(() -> memory.write8(FLASH, 0))
                    .isInstanceOf(MemoryFaultException.class).hasMessageContaining("whole words");
        }
    }

    @Test
    void givenCorruptedDataByte_whenProgramming_thenBlockNackedByChecksumRetriedAndFlashIntact() throws Exception {
        byte[] image = pattern(256, 2);
        // host bytes before the block: 7F, GET (2), GET ID (2), WRITE (2), address (5), N (1): data starts at 13
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE,
                out -> new CorruptingOutputStream(out, 13 + 100, 0x04));
             BootloaderTargetConnection connection = open(bootloader)) {
            connection.nativeFlashAccess().orElseThrow().program(FLASH, image);
            assertThat(connection.memoryAccess().orElseThrow().readBlock(FLASH, 256)).isEqualTo(image);
        }
        assertThat(traces).contains("WRITE MEMORY NACKed at the DATA stage (attempt 1 of 3)");
    }

    @Test
    void givenCorruptedCommandByte_whenReading_thenNackAndRetry() throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE,
                out -> new CorruptingOutputStream(out, 6, 0x01));
             BootloaderTargetConnection connection = open(bootloader)) {
            assertThat(connection.memoryAccess().orElseThrow().read32(FLASH)).isEqualTo(0xFFFF_FFFF);
        }
        assertThat(traces).contains("READ MEMORY NACKed at the COMMAND stage (attempt 1 of 3)");
    }

    @Test
    void givenCorruptedLengthByte_whenWriting_thenTimeoutResyncAndRetry() throws Exception {
        byte[] image = pattern(128, 3);
        // N = 0x7F becomes 0xFF: the bootloader waits for 129 more bytes; the host times out and resyncs
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE,
                out -> new CorruptingOutputStream(out, 12, 0x80));
             BootloaderTargetConnection connection = BootloaderTargetConnection.open(bootloader.hostLine(),
                     BootloaderTimeouts.all(Duration.ofMillis(200)), 3, sink)) {
            connection.nativeFlashAccess().orElseThrow().program(FLASH + 0x400, image);
            assertThat(connection.memoryAccess().orElseThrow().readBlock(FLASH + 0x400, 128)).isEqualTo(image);
        }
        assertThat(traces).anyMatch(t -> t.startsWith("resync: NACK"));
    }

    @Test
    void givenReadProtectedChip_whenReading_thenToldHowToUnprotect_andUnprotectErasesAndRestoresAccess()
            throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            connection.nativeFlashAccess().orElseThrow().program(FLASH, new byte[] {1, 2, 3, 4});
            connection.readoutProtect();
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            assertThatThrownBy(() -> memory.read32(FLASH))
                    .isInstanceOf(ReadProtectedException.class)
                    .hasMessageContaining("read-protected")
                    .hasMessageContaining("blueflash --probe bootloader:emulated-bootloader option-bytes --unprotect")
                    .hasMessageContaining("ERASES ALL FLASH");
            assertThat(connection.protocol().getVersion()).isEqualTo(0x22);
            connection.readoutUnprotect();
            assertThat(memory.read32(FLASH)).isEqualTo(0xFFFF_FFFF);
        }
    }

    @Test
    void givenNativeProtectionView_whenProtectedThenUnprotected_thenPortMarkerWhileLockedAndErasedAfter()
            throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            connection.nativeFlashAccess().orElseThrow().program(FLASH, new byte[] {1, 2, 3, 4});
            io.blueflash.port.out.NativeProtectionAccess protection = connection.nativeProtectionAccess().orElseThrow();
            MemoryAccess memory = connection.memoryAccess().orElseThrow();

            protection.setReadProtection();

            assertThatThrownBy(() -> memory.read32(FLASH))
                    .isInstanceOf(io.blueflash.port.out.ReadProtectedException.class);
            protection.removeReadProtection();
            assertThat(memory.read32(FLASH)).isEqualTo(0xFFFF_FFFF);
            assertThat(memory.read16(0x1FFF_F800)).isEqualTo(0x5AA5);
        }
    }

    @Test
    void givenOptionBytesService_whenChangingProtection_thenBootloaderCommandsUsedAndChipResetItself()
            throws Exception {
        List<EmulatedBootloader> sessions = new java.util.ArrayList<>(); // one per connect, like reopening the port
        try {
            io.blueflash.port.out.ProbeConnector connector = new io.blueflash.port.out.ProbeConnector() {
                @Override
                public String transportName() {
                    return BootloaderProbeConnector.TRANSPORT;
                }

                @Override
                public List<io.blueflash.port.out.ProbeDescriptor> listProbes() {
                    return List.of();
                }

                @Override
                public io.blueflash.port.out.TargetConnection connect(io.blueflash.model.ProbeSelector selector,
                                                                      io.blueflash.model.ConnectOptions options) {
                    try {
                        sessions.add(EmulatedBootloader.start(chip, LINE));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return open(sessions.get(sessions.size() - 1));
                }
            };
            var service = new io.blueflash.service.OptionBytesService(List.of(connector));
            java.util.function.Function<io.blueflash.port.in.OptionBytesChange, io.blueflash.port.in.OptionBytesReport>
                    change = c -> service.change(new io.blueflash.port.in.OptionBytesRequest(
                            io.blueflash.model.ProbeSelector.parse("bootloader:emulated-bootloader"),
                            io.blueflash.model.ConnectOptions.defaults(), c));

            var protect = change.apply(new io.blueflash.port.in.OptionBytesChange.WriteProtect(List.of(5)));

            assertThat(protect.method()).contains("ROM bootloader");
            assertThat(protect.inForce()).isTrue();
            assertThat(protect.wrpBits()).containsExactly(1);
            assertThat(protect.stored().orElseThrow().stored().get(8)).isEqualTo(0xFD);
            var lock = change.apply(new io.blueflash.port.in.OptionBytesChange.SetReadProtection());
            assertThat(lock.stored()).isEmpty(); // READ MEMORY is refused once RDP is in force
            var unlock = change.apply(new io.blueflash.port.in.OptionBytesChange.RemoveReadProtection());
            assertThat(unlock.flashErased()).isTrue();
            assertThat(unlock.stored().orElseThrow().stored().subList(0, 2)).containsExactly(0xA5, 0x5A);
        } finally {
            for (EmulatedBootloader session : sessions) {
                session.close();
            }
        }
    }

    @Test
    void givenWriteProtectedSector_whenProgramming_thenAckedButNotWritten_andUnprotectRestoresWrites()
            throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            connection.writeProtect(0);
            NativeFlashAccess flash = connection.nativeFlashAccess().orElseThrow();
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            flash.program(FLASH, new byte[] {1, 2, 3, 4});
            assertThat(memory.read32(FLASH)).as("AN2662: protected writes are not reported").isEqualTo(0xFFFF_FFFF);
            connection.writeUnprotect();
            flash.program(FLASH, new byte[] {1, 2, 3, 4});
            assertThat(memory.read32(FLASH)).isEqualTo(0x0403_0201);
        }
    }

    @Test
    void givenOptionBytesWithWrp0Cleared_whenWritten_thenChipResetsSessionResyncsAndPages0To3AreProtected()
            throws Exception {
        byte[] options = java.util.HexFormat.of().parseHex("A55AFF00FF00FF00FE01FF00FF00FF00");
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            connection.protocol().writeOptionBytes(options);
            assertThat(connection.memoryAccess().orElseThrow().readBlock(0x1FFF_F800, 16)).isEqualTo(options);
            connection.nativeFlashAccess().orElseThrow().program(FLASH + 0x0C00, new byte[] {1, 2, 3, 4});
            connection.nativeFlashAccess().orElseThrow().program(FLASH + 0x1000, new byte[] {1, 2, 3, 4});
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            assertThat(memory.read32(FLASH + 0x0C00)).isEqualTo(0xFFFF_FFFF);
            assertThat(memory.read32(FLASH + 0x1000)).isEqualTo(0x0403_0201);
        }
        assertThat(traces).anyMatch(t -> t.contains("option bytes written: chip resets itself"));
    }

    @Test
    void givenGo_whenSent_thenTheBootloaderFallsSilentAndTheNextCommandTimesOut() throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = BootloaderTargetConnection.open(bootloader.hostLine(),
                     BootloaderTimeouts.all(Duration.ofMillis(20)), 2, sink)) {
            connection.go(FLASH);
            assertThatThrownBy(() -> connection.protocol().getVersion())
                    .isInstanceOf(TargetCommunicationException.class).hasMessageContaining("GET VERSION");
        }
    }

    @Test
    void givenUnmappedAddress_whenReading_thenMemoryFaultNamesIt() throws Exception {
        try (EmulatedBootloader bootloader = EmulatedBootloader.start(chip, LINE);
             BootloaderTargetConnection connection = open(bootloader)) {
            assertThatThrownBy(() -> connection.memoryAccess().orElseThrow().read32(0xE004_2000))
                    .isInstanceOf(MemoryFaultException.class).hasMessageContaining("0xE0042000");
        }
    }

    @Test
    void givenNothingAnswers_whenConnecting_thenTimeoutErrorNamesPortAndClosesTheLine() throws Exception {
        PipedOutputStream never = new PipedOutputStream();
        StreamSerialLine line = new StreamSerialLine("/dev/ttyUSB7", LINE, new PipedInputStream(never),
                new ByteArrayOutputStream());
        assertThatThrownBy(() -> BootloaderTargetConnection.open(line, BootloaderTimeouts.all(Duration.ofMillis(20)),
                3, TraceSink.NONE))
                .isInstanceOf(TargetCommunicationException.class)
                .hasMessageContaining("no answer").hasMessageContaining("/dev/ttyUSB7").hasMessageContaining("BOOT0");
        never.close();
    }
}
