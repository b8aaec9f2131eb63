package io.blueflash.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.blueflash.flash.FlashRangeException;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.EraseReport;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.TargetInfo;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.AccessWidth;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.TargetCapability;
import io.blueflash.port.out.TargetConnection;
import io.blueflash.progress.ProgressListener;
import io.blueflash.service.EraseFlashService;
import io.blueflash.service.InspectTargetService;
import io.blueflash.service.ReadMemoryService;
import io.blueflash.service.VerifyImageService;
import io.blueflash.service.WriteImageService;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TargetConnection} adapter keeps (SvenWoltmann's
 * {@code AbstractCartRepositoryTest} style): extend it once per adapter and give it a connector
 * to a <em>fresh</em> STM32F103 (erased flash, no protection) whose connections all reach the same
 * target during one test. Memory-level tests are skipped when the connection has no
 * {@link TargetCapability#MEMORY_ACCESS}; flash tests go through the real services, so they hold
 * for native-flash transports (bootloader, BMP) and register-level ones (ST-Link, raw SWD) alike.
 */
public abstract class TargetConnectionContract {

    protected static final long FLASH = 0x0800_0000L;

    /** A connector to a fresh target; called once per test. */
    protected abstract ProbeConnector connector();

    /** The {@code --probe} selector that reaches the target through {@link #connector()}. */
    protected abstract ProbeSelector selector();

    protected ConnectOptions connectOptions() {
        return ConnectOptions.defaults();
    }

    /** SRAM free for tests (above the ROM bootloader's reserved area, facts §A.2). */
    protected int sramTestAddress() {
        return 0x2000_2000;
    }

    /** An address where the bus answers with an error (reserved on STM32F1, facts §A.1). */
    protected int unmappedAddress() {
        return 0x1000_0000;
    }

    /** Single-access widths the adapter can write (the ROM bootloader writes whole words only). */
    protected List<AccessWidth> writableWidths() {
        return List.of(AccessWidth.BYTE, AccessWidth.HALFWORD, AccessWidth.WORD);
    }

    /** The page size of the target's flash (1 KB on the Blue Pill's F103C8). */
    protected int pageSize() {
        return 1024;
    }

    private ProbeConnector connector;

    private ProbeConnector theConnector() {
        if (connector == null) {
            connector = connector();
        }
        return connector;
    }

    private List<ProbeConnector> connectors() {
        return List.of(theConnector());
    }

    private TargetConnection open() {
        return theConnector().connect(selector(), connectOptions());
    }

    // ---- memory access

    @Test
    void givenFreshTarget_whenSramWrittenAtEachWidth_thenReadBackAtEachWidth() {
        try (TargetConnection connection = open()) {
            assumeTrue(connection.has(TargetCapability.MEMORY_ACCESS), "no memory access");
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            int at = sramTestAddress();
            memory.write32(at, 0x1122_3344);
            assertThat(memory.read32(at)).isEqualTo(0x1122_3344);
            if (writableWidths().contains(AccessWidth.HALFWORD)) {
                memory.write16(at + 2, 0xA1B2);
                assertThat(memory.read32(at)).isEqualTo(0xA1B2_3344);
                assertThat(memory.read16(at)).isEqualTo(0x3344);
            }
            if (writableWidths().contains(AccessWidth.BYTE)) {
                memory.write8(at + 1, 0x5C);
                assertThat(memory.read8(at + 1)).isEqualTo(0x5C);
                assertThat(memory.read8(at)).isEqualTo(0x44);
            }
        }
    }

    @Test
    void givenFreshTarget_whenBlockWritten_thenReadBlockReturnsItAtAnyAlignment() {
        try (TargetConnection connection = open()) {
            assumeTrue(connection.has(TargetCapability.MEMORY_ACCESS), "no memory access");
            MemoryAccess memory = connection.memoryAccess().orElseThrow();
            byte[] data = TestImages.randomBytes(256, 11);
            memory.writeBlock(sramTestAddress(), data, AccessWidth.WORD);

            assertThat(memory.readBlock(sramTestAddress(), 256)).isEqualTo(data);
            assertThat(memory.readBlock(sramTestAddress() + 3, 9)).isEqualTo(Arrays.copyOfRange(data, 3, 12));
        }
    }

    @Test
    void givenUnmappedAddress_whenRead_thenMemoryFaultAndConnectionStillUsable() {
        try (TargetConnection connection = open()) {
            assumeTrue(connection.has(TargetCapability.MEMORY_ACCESS), "no memory access");
            MemoryAccess memory = connection.memoryAccess().orElseThrow();

            assertThatThrownBy(() -> memory.read32(unmappedAddress())).isInstanceOf(MemoryFaultException.class);

            memory.write32(sramTestAddress(), 0x0BAD_F00D);
            assertThat(memory.read32(sramTestAddress())).isEqualTo(0x0BAD_F00D);
        }
    }

    // ---- core control

    @Test
    void givenCoreControl_whenHaltedAndRegisterWritten_thenReadBack() {
        try (TargetConnection connection = open()) {
            assumeTrue(connection.has(TargetCapability.CORE_CONTROL), "no core control");
            var core = connection.coreControl().orElseThrow();
            core.halt();

            core.writeCoreRegister(0, 0x1234_5678);

            assertThat(core.isHalted()).isTrue();
            assertThat(core.readCoreRegister(0)).isEqualTo(0x1234_5678);
        }
    }

    @Test
    void givenCoreControl_whenResetAndHalt_thenCoreHalted() {
        try (TargetConnection connection = open()) {
            assumeTrue(connection.has(TargetCapability.CORE_CONTROL), "no core control");
            var core = connection.coreControl().orElseThrow();

            core.resetAndHalt();

            assertThat(core.isHalted()).isTrue();
        }
    }

    // ---- flash through the services

    @Test
    void givenFreshTarget_whenImageWritten_thenReadAndVerifyReturnIt() {
        FirmwareImage image = TestImages.random(FLASH + pageSize() - 6, 2 * pageSize() + 4, 3);

        WriteReport report = write(image, FlashOptions.defaults());

        assertThat(report.pagesProgrammed()).isEqualTo(3);
        assertThat(read(image.lowestAddress(), (int) image.totalBytes()))
                .isEqualTo(image.segments().get(0).data());
        VerifyReport verify = new VerifyImageService(connectors())
                .verify(new VerifyImageRequest(selector(), connectOptions(), image, ProgressListener.NONE));
        assertThat(verify.matches()).isTrue();
        assertThat(verify.bytesCompared()).isEqualTo(image.totalBytes());
    }

    @Test
    void givenWrittenImage_whenWrittenAgain_thenEveryPageSkipped() {
        FirmwareImage image = TestImages.counting(FLASH, 2 * pageSize(), 1);
        write(image, FlashOptions.defaults());

        WriteReport again = write(image, FlashOptions.defaults());

        assertThat(again.pagesSkipped()).isEqualTo(2);
        assertThat(again.pagesErased()).isZero();
        assertThat(again.pagesProgrammed()).isZero();
    }

    @Test
    void givenProgrammedPage_whenFewBytesPatched_thenTheOtherBytesOfThePageAreKept() {
        write(TestImages.counting(FLASH, pageSize(), 0x20), FlashOptions.defaults());

        WriteReport patch = write(FirmwareImage.binary(FLASH + 10, new byte[] {1, 2, 3}), FlashOptions.defaults());

        byte[] expected = TestImages.countingBytes(pageSize(), 0x20);
        expected[10] = 1;
        expected[11] = 2;
        expected[12] = 3;
        assertThat(patch.pagesErased()).isEqualTo(1);
        assertThat(read(FLASH, pageSize())).isEqualTo(expected);
    }

    @Test
    void givenWrittenPages_whenPageRangeErased_thenOnlyThosePagesReadErased() {
        write(TestImages.counting(FLASH, 3 * pageSize(), 5), FlashOptions.defaults());

        EraseReport erase = new EraseFlashService(connectors()).erase(EraseFlashRequest.range(selector(),
                connectOptions(), new AddressRange(FLASH + pageSize(), pageSize()), false, ProgressListener.NONE));

        assertThat(erase.pagesErased()).isEqualTo(1);
        byte[] after = read(FLASH, 3 * pageSize());
        assertThat(Arrays.copyOfRange(after, 0, pageSize()))
                .isEqualTo(TestImages.countingBytes(pageSize(), 5));
        assertThat(Arrays.copyOfRange(after, pageSize(), 2 * pageSize())).containsOnly((byte) 0xFF);
        assertThat(Arrays.copyOfRange(after, 2 * pageSize(), 3 * pageSize()))
                .isEqualTo(Arrays.copyOfRange(TestImages.countingBytes(3 * pageSize(), 5), 2 * pageSize(), 3 * pageSize()));
    }

    @Test
    void givenPartialPageRange_whenEraseWithoutRounding_thenRefusedNamingThePagesAndNothingErased() {
        write(TestImages.counting(FLASH, pageSize(), 9), FlashOptions.defaults());

        assertThatThrownBy(() -> new EraseFlashService(connectors()).erase(EraseFlashRequest.range(selector(),
                connectOptions(), new AddressRange(FLASH + 4, 8), false, ProgressListener.NONE)))
                .isInstanceOf(FlashRangeException.class).hasMessageContaining("page(s) 0–0");
        assertThat(read(FLASH, pageSize())).isEqualTo(TestImages.countingBytes(pageSize(), 9));
    }

    @Test
    void givenWrittenImage_whenMassErased_thenFlashReadsErased() {
        write(TestImages.counting(FLASH + 4L * pageSize(), 64, 1), FlashOptions.defaults());

        EraseReport erase = new EraseFlashService(connectors())
                .erase(EraseFlashRequest.mass(selector(), connectOptions(), ProgressListener.NONE));

        assertThat(erase.massErase()).isTrue();
        assertThat(read(FLASH + 4L * pageSize(), 64)).containsOnly((byte) 0xFF);
    }

    @Test
    void givenMassEraseMode_whenImageWritten_thenImageReadsBackAndRestIsErased() {
        write(TestImages.counting(FLASH + 8L * pageSize(), 16, 1), FlashOptions.defaults());

        WriteReport report = write(TestImages.counting(FLASH, 32, 4), FlashOptions.defaults().withEraseMode(EraseMode.MASS));

        assertThat(report.massErased()).isTrue();
        assertThat(read(FLASH, 32)).isEqualTo(TestImages.countingBytes(32, 4));
        assertThat(read(FLASH + 8L * pageSize(), 16)).containsOnly((byte) 0xFF);
    }

    @Test
    void givenImageLargerThanFlash_whenWritten_thenRangeErrorBeyondReportedFlashAndNothingChanged() {
        FirmwareImage tooBig = TestImages.counting(FLASH, 1024 * 1024 + 2, 0);

        assertThatThrownBy(() -> write(tooBig, FlashOptions.defaults()))
                .isInstanceOf(FlashRangeException.class)
                .satisfies(e -> assertThat(((FlashRangeException) e).reason()).isEqualTo(FlashRangeException.Reason.BEYOND_REPORTED_FLASH));
        assertThat(read(FLASH, 16)).containsOnly((byte) 0xFF);
    }

    @Test
    void givenTarget_whenInspected_thenStm32F1IdsAndFlashSize() {
        TargetInfo info = new InspectTargetService(connectors())
                .inspect(new InspectTargetRequest(selector(), connectOptions()));

        assertThat(info.devId()).isIn(0x410, 0x412, 0x414, 0x418, 0x420, 0x428, 0x430, 0x29B);
        assertThat(info.flashSizeBytes()).isPositive();
        assertThat(info.pageSize()).isEqualTo(pageSize());
    }

    protected WriteReport write(FirmwareImage image, FlashOptions options) {
        return new WriteImageService(connectors())
                .write(new WriteImageRequest(selector(), connectOptions(), image, options, ProgressListener.NONE));
    }

    protected byte[] read(long address, int length) {
        return new ReadMemoryService(connectors()).read(new ReadMemoryRequest(selector(), connectOptions(),
                new AddressRange(address, length), ProgressListener.NONE)).data();
    }
}
