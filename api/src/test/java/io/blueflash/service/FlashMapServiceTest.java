package io.blueflash.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.contract.FakeConnector;
import io.blueflash.contract.FakeStm32F1Target;
import io.blueflash.contract.TestImages;
import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.AddressRange;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.EraseMode;
import io.blueflash.port.in.EraseFlashRequest;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.PageCell;
import io.blueflash.port.in.PageFate;
import io.blueflash.port.in.PhaseTime;
import io.blueflash.port.in.VerifyImageRequest;
import io.blueflash.port.in.VerifyReport;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteReport;
import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlashMapServiceTest {

    private static final long FLASH = 0x0800_0000L;
    private static final ConnectOptions OPTIONS = ConnectOptions.defaults();

    private FakeStm32F1Target target = new FakeStm32F1Target();

    @Test
    void givenMixedPages_whenWriteWithFlashMap_thenEveryPageHasItsFateAndTheCountsAreTheReports() {
        target.flash[2 * 1024 + 1000] = 0x11;                            // page 2: data the image does not cover
        byte[] page4 = TestImages.countingBytes(1024, 7);
        System.arraycopy(page4, 0, target.flash, 4 * 1024, 1024);         // page 4 already holds its bytes
        FirmwareImage image = FirmwareImage.of(List.of(
                new ImageSegment(FLASH + 1024, TestImages.countingBytes(1024 + 512, 0)),  // page 1 whole, page 2 half
                new ImageSegment(FLASH + 4 * 1024, page4)));

        WriteReport report = write(image, FlashOptions.defaults(), true);

        FlashMap map = report.flashMap().orElseThrow();
        assertThat(map.pages()).hasSize(64);
        assertThat(map.pages()).extracting(PageCell::fate).startsWith(PageFate.UNTOUCHED, PageFate.PROGRAMMED,
                PageFate.ERASED_AND_PROGRAMMED, PageFate.UNTOUCHED, PageFate.UNCHANGED, PageFate.UNTOUCHED);
        assertThat(map.count(PageFate.ERASED_AND_PROGRAMMED)).isEqualTo(report.pagesErased());
        assertThat(map.count(PageFate.PROGRAMMED) + map.count(PageFate.ERASED_AND_PROGRAMMED))
                .isEqualTo(report.pagesProgrammed());
        assertThat(map.count(PageFate.UNCHANGED)).isEqualTo(report.pagesSkipped());
        PageCell two = map.pages().get(2);
        assertThat(two.imageBytes()).isEqualTo(512);
        assertThat(two.keptBytes()).isEqualTo(1);
        assertThat(map.keptBytes()).isEqualTo(1);
        assertThat(map.pages().get(1).address()).isEqualTo(FLASH + 1024);
    }

    @Test
    void givenWrite_whenFlashMap_thenPhasesInOrderWithSimulatedTimeAndOneBank() {
        WriteReport report = write(TestImages.counting(FLASH, 3000, 1), FlashOptions.defaults(), true);

        FlashMap map = report.flashMap().orElseThrow();
        assertThat(map.phases()).extracting(PhaseTime::phase)
                .containsExactly(FlashPhase.READ_BACK, FlashPhase.PROGRAM, FlashPhase.VERIFY);
        assertThat(map.phases()).allSatisfy(p -> assertThat(p.simulated()).hasValueSatisfying(
                d -> assertThat(d.toNanos()).isPositive()));
        assertThat(map.phases().get(1).bytes()).isEqualTo(3 * 1024);
        assertThat(map.banks()).singleElement().satisfies(b -> {
            assertThat(b.number()).isEqualTo(1);
            assertThat(b.pageCount()).isEqualTo(64);
            assertThat(b.end()).isEqualTo(FLASH + 64 * 1024);
        });
    }

    @Test
    void givenWriteProtectedBlock_whenWriteElsewhereWithFlashMap_thenThoseFourPagesAreMarked() {
        target.wrpr = ~(1 << 3);                                         // WRP bit 3: pages 12..15

        FlashMap map = write(TestImages.counting(FLASH, 16, 0), FlashOptions.defaults(), true).flashMap().orElseThrow();

        assertThat(map.protectionRead()).isTrue();
        assertThat(map.pages()).filteredOn(PageCell::writeProtected).extracting(PageCell::index)
                .containsExactly(12, 13, 14, 15);
        assertThat(map.pages()).noneMatch(PageCell::readProtected);
    }

    @Test
    void givenMassEraseWrite_whenFlashMap_thenTouchedPagesErasedAndProgrammedAndTheRestErased() {
        FlashMap map = write(TestImages.counting(FLASH, 2048, 0), FlashOptions.defaults().withEraseMode(EraseMode.MASS),
                true).flashMap().orElseThrow();

        assertThat(map.count(PageFate.ERASED_AND_PROGRAMMED)).isEqualTo(2);
        assertThat(map.count(PageFate.ERASED)).isEqualTo(62);
        assertThat(map.count(PageFate.UNTOUCHED)).isZero();
    }

    @Test
    void givenNoFlashMapAsked_whenWrite_thenNoneAndNoOptionBytesRead() {
        WriteReport report = write(TestImages.counting(FLASH, 16, 0), FlashOptions.defaults(), false);

        assertThat(report.flashMap()).isEmpty();
    }

    @Test
    void givenXlDensityOneMegabyte_whenWriteTheEndOfBank1_thenTwoBanksOf256PagesOf2k() {
        target = new FakeStm32F1Target(1024 * 1024, 1024, 2048);
        target.idcode = 0x1000_6430;
        FirmwareImage image = TestImages.counting(0x0807_F000L, 4096, 3);  // the last 2 pages of bank 1

        FlashMap map = write(image, FlashOptions.defaults(), true).flashMap().orElseThrow();

        assertThat(map.pageSize()).isEqualTo(2048);
        assertThat(map.pages()).hasSize(512);
        assertThat(map.banks()).extracting(b -> b.number() + ":" + b.firstPage() + "+" + b.pageCount())
                .containsExactly("1:0+256", "2:256+256");
        assertThat(map.pages()).filteredOn(p -> p.fate() == PageFate.PROGRAMMED)
                .extracting(p -> p.index() + "@" + p.bank()).containsExactly("254@1", "255@1");
        assertThat(map.pages().get(256).address()).isEqualTo(0x0808_0000L);
        assertThat(map.pages().get(256).bank()).isEqualTo(2);
    }

    @Test
    void givenRangeErase_whenFlashMap_thenExactlyThoseErasedAndTheRestUntouched() {
        var report = new EraseFlashService(List.of(new FakeConnector(target))).erase(EraseFlashRequest.range(
                FakeConnector.SELECTOR, OPTIONS, new AddressRange(FLASH + 3 * 1024, 2048), false,
                ProgressListener.NONE).withFlashMap(true));

        FlashMap map = report.flashMap().orElseThrow();
        assertThat(map.operation()).isEqualTo("erase");
        assertThat(map.pages()).filteredOn(p -> p.fate() == PageFate.ERASED).extracting(PageCell::index)
                .containsExactly(3, 4);
        assertThat(map.count(PageFate.ERASED)).isEqualTo(report.pagesErased());
        assertThat(map.phases()).extracting(PhaseTime::phase).containsExactly(FlashPhase.ERASE);
    }

    @Test
    void givenOneWrongByte_whenVerifyWithFlashMap_thenItsPageMismatchedAndTheOtherImagePagesVerified() {
        byte[] data = TestImages.countingBytes(3 * 1024, 0);
        System.arraycopy(data, 0, target.flash, 0, data.length);
        target.flash[1500] ^= 0x01;

        VerifyReport report = new VerifyImageService(List.of(new FakeConnector(target))).verify(new VerifyImageRequest(
                FakeConnector.SELECTOR, OPTIONS, FirmwareImage.binary(FLASH, data), ProgressListener.NONE, true));

        FlashMap map = report.flashMap().orElseThrow();
        assertThat(report.mismatchCount()).isEqualTo(1);
        assertThat(map.pages()).extracting(PageCell::fate).startsWith(PageFate.VERIFIED, PageFate.MISMATCHED,
                PageFate.VERIFIED, PageFate.UNTOUCHED);
        assertThat(map.pages().get(1).imageBytes()).isEqualTo(1024);
    }

    private WriteReport write(FirmwareImage image, FlashOptions options, boolean flashMap) {
        return new WriteImageService(List.of(new FakeConnector(target))).write(
                new WriteImageRequest(FakeConnector.SELECTOR, OPTIONS, image, options, ProgressListener.NONE, flashMap));
    }

}
