package io.blueflash.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.FakeConnector;
import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.EraseReport;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.ReadMemoryRequest;
import io.blueflash.port.in.ResetKind;
import io.blueflash.port.in.ResetReport;
import io.blueflash.port.in.ResetTargetRequest;
import io.blueflash.port.in.TargetInfo;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.progress.ProgressListener;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherServicesTest {

    private static final long FLASH = 0x0800_0000L;
    private static final ConnectOptions OPTIONS = ConnectOptions.defaults();

    private final FakeStm32F1Target target = new FakeStm32F1Target();
    private final List<ProbeConnector> connectors = List.of(new FakeConnector(target));

    @Test
    void givenUnknownTransport_whenConnect_thenErrorListsKnownTransports() {
        assertThatThrownBy(() -> new ProbeConnectors(connectors).connect(ProbeSelector.parse("stlink"), OPTIONS))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining("'stlink'").hasMessageContaining("known transports: fake")
                .hasMessageNotContaining("--probe");
    }

    @Test
    void givenPartialPageRangeWithRoundingAllowed_whenErase_thenWholePagesErased() {
        Arrays.fill(target.flash, 0, 3 * 1024, (byte) 0x12);

        EraseReport report = new EraseFlashService(connectors).erase(EraseFlashRequest.range(FakeConnector.SELECTOR,
                OPTIONS, new AddressRange(FLASH + 1000, 100), true, ProgressListener.NONE));

        assertThat(report.erased()).isEqualTo(new AddressRange(FLASH, 2048));
        assertThat(target.erasedPages).containsExactly(0, 1);
        assertThat(target.flash[2048]).isEqualTo((byte) 0x12);
    }

    @Test
    void givenRangeOutsideFlash_whenErase_thenRangeErrorBeyondReportedFlash() {
        assertThatThrownBy(() -> new EraseFlashService(connectors).erase(EraseFlashRequest.range(
                FakeConnector.SELECTOR, OPTIONS, new AddressRange(FLASH + 0xFC00, 2048), false, ProgressListener.NONE)))
                .isInstanceOf(FlashRangeException.class)
                .satisfies(e -> assertThat(((FlashRangeException) e).reason()).isEqualTo(FlashRangeException.Reason.BEYOND_REPORTED_FLASH));
        assertThat(target.erasedPages).isEmpty();
    }

    @Test
    void givenReadProtectedChip_whenReadFlash_thenTypedReadProtectedError() {
        target.readProtected = true;

        assertThatThrownBy(() -> new ReadMemoryService(connectors).read(new ReadMemoryRequest(FakeConnector.SELECTOR,
                OPTIONS, new AddressRange(FLASH, 64), ProgressListener.NONE)))
                .isInstanceOf(FlashProtectedException.class)
                .hasMessageContaining("reads of its flash").hasMessageNotContaining("option-bytes")
                .satisfies(e -> assertThat(((FlashProtectedException) e).kind())
                        .isEqualTo(FlashProtectedException.Kind.READ_PROTECTED));
    }

    @Test
    void givenDifferingBytes_whenVerify_thenReportCountsAndListsThem() {
        target.flash[3] = 0x00;
        target.flash[7] = 0x01;

        VerifyReport report = new VerifyImageService(connectors).verify(new VerifyImageRequest(FakeConnector.SELECTOR,
                OPTIONS, FirmwareImage.binary(FLASH, filled(16, 0xFF)), ProgressListener.NONE));

        assertThat(report.matches()).isFalse();
        assertThat(report.mismatchCount()).isEqualTo(2);
        assertThat(report.firstMismatches()).extracting(Object::toString)
                .containsExactly("0x08000003: expected 0xFF, read 0x00", "0x08000007: expected 0xFF, read 0x01");
    }

    @Test
    void givenProbeWithResetLine_whenAutoReset_thenHardReset() {
        target.withResetLine = true;

        ResetReport report = reset(ResetKind.AUTO, false);

        assertThat(report.performed()).isEqualTo(ResetKind.HARD);
        assertThat(target.resets).isEqualTo(1);
    }

    @Test
    void givenNoResetLine_whenSoftResetAndHalt_thenCoreHaltedAtResetVector() {
        ResetReport report = reset(ResetKind.AUTO, true);

        assertThat(report.performed()).isEqualTo(ResetKind.SOFT);
        assertThat(target.halted).isTrue();
    }

    @Test
    void givenNoResetLine_whenHardReset_thenErrorSaysUseSoftReset() {
        assertThatThrownBy(() -> reset(ResetKind.HARD, false)).hasMessageContaining("soft reset");
    }

    @Test
    void givenBluePill_whenInspect_thenDevIdFlashSizeAndDescription() {
        TargetInfo info = new InspectTargetService(connectors).inspect(new InspectTargetRequest(FakeConnector.SELECTOR, OPTIONS));

        assertThat(info.devId()).isEqualTo(0x410);
        assertThat(info.flashSizeBytes()).isEqualTo(64 * 1024);
        assertThat(info.pageSize()).isEqualTo(1024);
        assertThat(info.isClone()).isFalse();
        assertThat(info.description()).contains("64 KB");
    }

    @Test
    void givenOneBrokenTransport_whenListProbes_thenOthersListedAndProblemReported() {
        ProbeConnector broken = new ProbeConnector() {
            @Override
            public String transportName() {
                return "stlink";
            }

            @Override
            public List<io.blueflash.port.out.ProbeDescriptor> listProbes() {
                throw new io.blueflash.port.out.TargetCommunicationException("libusb not found: install libusb-1.0");
            }

            @Override
            public io.blueflash.port.out.TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
                throw new AssertionError();
            }
        };

        io.blueflash.port.in.ProbeListing listing = new ListProbesService(List.of(broken, connectors.get(0))).listProbes();

        assertThat(listing.probes()).extracting(io.blueflash.port.in.ProbeInfo::selector).containsExactly("fake:stm32f103");
        assertThat(listing.problems()).containsExactly("stlink: libusb not found: install libusb-1.0");
    }

    @Test
    void givenLargeRead_whenRead_thenChunkedProgressAndExactBytes() {
        target.flash[5000] = 0x42;
        List<io.blueflash.progress.ProgressEvent> events = new java.util.ArrayList<>();

        byte[] data = new ReadMemoryService(connectors).read(new ReadMemoryRequest(FakeConnector.SELECTOR, OPTIONS,
                new AddressRange(FLASH + 1, 9000), events::add)).data();

        assertThat(data).hasSize(9000);
        assertThat(data[4999]).isEqualTo((byte) 0x42);
        assertThat(events).filteredOn(io.blueflash.progress.ProgressEvent.PhaseProgressed.class::isInstance)
                .extracting(e -> ((io.blueflash.progress.ProgressEvent.PhaseProgressed) e).doneBytes())
                .containsExactly(4096L, 8192L, 9000L);
    }

    private ResetReport reset(ResetKind kind, boolean halt) {
        return new ResetTargetService(connectors).reset(new ResetTargetRequest(FakeConnector.SELECTOR, OPTIONS, kind, halt));
    }

    private static byte[] filled(int length, int value) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) value);
        return data;
    }
}
