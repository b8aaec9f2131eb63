package io.blueflash.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.contract.FakeConnector;
import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.contract.TestImages;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashProtectedException;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.ProgramPacing;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteImageServiceTest {

    private static final long FLASH = 0x0800_0000L;

    private final FakeStm32F1Target target = new FakeStm32F1Target();
    private final List<ProgressEvent> events = new ArrayList<>();

    @Test
    void givenPartlyProgrammedFlash_whenWrite_thenEventsInDocumentedOrder() {
        target.flash[2048] = 0x11;                                       // page 2 needs an erase

        write(FirmwareImage.binary(FLASH + 1024, TestImages.countingBytes(2048, 0)), FlashOptions.defaults());

        assertThat(events).filteredOn(e -> !(e instanceof ProgressEvent.PhaseProgressed)
                        && !(e instanceof ProgressEvent.Note))
                .extracting(WriteImageServiceTest::describe)
                .containsExactly("start READ_BACK", "finish READ_BACK", "plan 1 erase 2 program 0 skip",
                        "start ERASE", "finish ERASE", "start PROGRAM", "finish PROGRAM", "start VERIFY", "finish VERIFY");
        assertThat(events).filteredOn(ProgressEvent.PhaseProgressed.class::isInstance)
                .map(ProgressEvent.PhaseProgressed.class::cast)
                .filteredOn(p -> p.phase() == FlashPhase.PROGRAM)
                .extracting(ProgressEvent.PhaseProgressed::doneBytes).containsExactly(1024L, 2048L);
        assertThat(events.get(0)).isInstanceOf(ProgressEvent.Note.class);
    }

    @Test
    void givenWrite_whenDone_thenReportCountsPagesAndSimulatedTimeAndFpecLockedAndOnlyTouchedPagesErased() {
        target.flash[0] = 0x00;

        WriteReport report = write(TestImages.vectorTableAndCode(1024), FlashOptions.defaults());

        assertThat(report.pagesErased()).isEqualTo(1);
        assertThat(report.pagesProgrammed()).isEqualTo(2);
        assertThat(report.verified()).isTrue();
        assertThat(report.timing().simulated()).hasValueSatisfying(d -> assertThat(d.toNanos()).isGreaterThan(20_000_000L));
        assertThat(target.erasedPages).containsExactly(0);
        assertThat(target.fpecLocked()).isTrue();
        assertThat(target.closed).isTrue();
    }

    @Test
    void givenReadProtectedChip_whenWrite_thenTypedReadProtectedErrorAndNothingErased() {
        target.readProtected = true;

        assertThatThrownBy(() -> write(TestImages.counting(FLASH, 16, 0), FlashOptions.defaults()))
                .isInstanceOf(FlashProtectedException.class)
                .hasMessageContaining("read-protected")
                .satisfies(e -> assertThat(((FlashProtectedException) e).kind())
                        .isEqualTo(FlashProtectedException.Kind.READ_PROTECTED));
        assertThat(target.erasedPages).isEmpty();
    }

    @Test
    void givenWriteProtectedPage_whenWrite_thenErrorNamesThePageAndTheOtherPagesUntouched() {
        target.wrpr = ~(1 << 1);                                         // pages 4..7 protected
        target.flash[5 * 1024] = 0;

        assertThatThrownBy(() -> write(TestImages.counting(FLASH + 5 * 1024, 8, 0), FlashOptions.defaults()))
                .isInstanceOf(FlashProtectedException.class)
                .hasMessageContaining("page 5 at 0x08001400")
                .satisfies(e -> assertThat(((FlashProtectedException) e).kind())
                        .isEqualTo(FlashProtectedException.Kind.WRITE_PROTECTED));
        assertThat(target.fpecLocked()).isTrue();
    }

    @Test
    void givenBluePillReporting64k_whenImageAbove64k_thenRangeErrorUnlessFlashOverridden() {
        FirmwareImage upper = TestImages.counting(FLASH + 0x1_0000, 64, 3);

        assertThatThrownBy(() -> write(upper, FlashOptions.defaults()))
                .isInstanceOf(FlashRangeException.class)
                .satisfies(e -> assertThat(((FlashRangeException) e).reason()).isEqualTo(FlashRangeException.Reason.BEYOND_REPORTED_FLASH));

        write(upper, FlashOptions.defaults().withFlashSizeBytes(128 * 1024));
        assertThat(Arrays.copyOfRange(target.flash, 0x1_0000, 0x1_0040)).isEqualTo(TestImages.countingBytes(64, 3));
    }

    @Test
    void givenApm32Clone_whenAutoPacing_thenHalfWordPacingUsedAndImageIntact() {
        target.asApm32Clone();
        byte[] data = TestImages.randomBytes(1024, 5);

        write(FirmwareImage.binary(FLASH, data), FlashOptions.defaults());

        assertThat(Arrays.copyOf(target.flash, 1024)).isEqualTo(data);
        assertThat(events).contains(new ProgressEvent.Note("flash algorithm: STM32F1 FPEC (half-word + BSY poll, clone-safe)"));
    }

    @Test
    void givenApm32CloneForcedToPageBlock_whenWrite_thenVerifyCatchesTheLostHalfWords() {
        target.asApm32Clone();

        assertThatThrownBy(() -> write(TestImages.random(FLASH, 64, 1),
                FlashOptions.defaults().withPacing(ProgramPacing.PAGE_BLOCK)))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("verify failed on page 0").hasMessageContaining("POLL_EACH");
        assertThat(events).anyMatch(e -> e instanceof ProgressEvent.PhaseFailed f && f.phase() == FlashPhase.VERIFY);
    }

    @Test
    void givenUnrecognisedCloneDroppingHalfWords_whenAutoPacing_thenFallsBackAfterFirstPageAndImageIntact() {
        target.cloneDropsWritesWhileBusy = true;                         // genuine IDs: not detected as a clone
        byte[] data = TestImages.randomBytes(3 * 1024, 9);

        write(FirmwareImage.binary(FLASH, data), FlashOptions.defaults());

        assertThat(Arrays.copyOf(target.flash, 3 * 1024)).isEqualTo(data);
        assertThat(events).anyMatch(e -> e instanceof ProgressEvent.Note n && n.text().contains("half-word pacing"));
        assertThat(target.erasedPages).containsExactly(0);
    }

    @Test
    void givenResetRequested_whenWrite_thenTargetResetAndRunning() {
        WriteReport report = write(TestImages.counting(FLASH, 8, 0), FlashOptions.defaults().withResetAfterWrite(true));

        assertThat(report.resetAndRun()).isTrue();
        assertThat(target.resets).isEqualTo(1);
        assertThat(target.halted).isFalse();
    }

    @Test
    void givenNoCompare_whenWholePagesWritten_thenNothingIsReadBackAndEveryPageErased() {
        target.flash[2048] = 0x11;

        WriteReport report = write(FirmwareImage.binary(FLASH + 1024, TestImages.countingBytes(2048, 0)),
                FlashOptions.defaults().withSkipUnchangedPages(false));

        assertThat(events).filteredOn(ProgressEvent.PhaseStarted.class::isInstance).extracting(WriteImageServiceTest::describe)
                .containsExactly("start ERASE", "start PROGRAM", "start VERIFY");
        assertThat(report.pagesErased()).isEqualTo(2);
        assertThat(target.erasedPages).containsExactly(1, 2);
        assertThat(Arrays.copyOfRange(target.flash, 1024, 3072)).isEqualTo(TestImages.countingBytes(2048, 0));
    }

    @Test
    void givenNoCompareAndAPartlyCoveredPage_whenWrite_thenOnlyThatPageIsReadBackAndItsOtherBytesKept() {
        target.flash[1024] = 0x22;

        write(FirmwareImage.binary(FLASH + 1030, TestImages.countingBytes(2042, 0)),
                FlashOptions.defaults().withSkipUnchangedPages(false));

        assertThat(events).filteredOn(ProgressEvent.PhaseStarted.class::isInstance)
                .map(ProgressEvent.PhaseStarted.class::cast).filteredOn(s -> s.phase() == FlashPhase.READ_BACK)
                .extracting(ProgressEvent.PhaseStarted::totalBytes).containsExactly(1024L);
        assertThat(target.flash[1024]).isEqualTo((byte) 0x22);
    }

    @Test
    void givenBlankChipAndNoErase_whenWrite_thenNothingReadBackOrErasedAndImageVerified() {
        WriteReport report = write(FirmwareImage.binary(FLASH, TestImages.countingBytes(3000, 0)),
                FlashOptions.defaults().withEraseMode(EraseMode.NONE));

        assertThat(events).filteredOn(ProgressEvent.PhaseStarted.class::isInstance).extracting(WriteImageServiceTest::describe)
                .containsExactly("start PROGRAM", "start VERIFY");
        assertThat(report.pagesErased()).isZero();
        assertThat(target.erasedPages).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(Arrays.copyOf(target.flash, 3000)).isEqualTo(TestImages.countingBytes(3000, 0));
    }

    @Test
    void givenAPageThatIsNotBlankAndNoErase_whenWrite_thenTheFpecRefusalNamesTheUnerasedPages() {
        target.flash[1030] = 0x00;

        assertThatThrownBy(() -> write(FirmwareImage.binary(FLASH, TestImages.countingBytes(3000, 0)),
                FlashOptions.defaults().withEraseMode(EraseMode.NONE)))
                .isInstanceOf(FlashOperationException.class)
                .hasMessageContaining("0x08000400").hasMessageContaining("not erased");
        assertThat(target.erasedPages).isEmpty();
    }

    @Test
    void givenEmptyImage_whenWrite_thenRangeErrorBeforeConnecting() {
        assertThatThrownBy(() -> write(FirmwareImage.of(List.of()), FlashOptions.defaults()))
                .isInstanceOf(FlashRangeException.class).hasMessageContaining("no bytes");
        assertThat(target.closed).isFalse();
    }

    private WriteReport write(FirmwareImage image, FlashOptions options) {
        return new WriteImageService(List.of(new FakeConnector(target))).write(new WriteImageRequest(
                FakeConnector.SELECTOR, ConnectOptions.defaults(), image, options, events::add));
    }

    private static String describe(ProgressEvent event) {
        if (event instanceof ProgressEvent.PhaseStarted s) {
            return "start " + s.phase();
        }
        if (event instanceof ProgressEvent.PhaseFinished f) {
            return "finish " + f.phase();
        }
        if (event instanceof ProgressEvent.PlanReady p) {
            return String.format("plan %d erase %d program %d skip", p.pagesToErase(), p.pagesToProgram(),
                    p.pagesUnchanged());
        }
        return event.toString();
    }
}
