package io.blueflash.flash;

import static io.blueflash.flash.PageAction.ERASE_AND_PROGRAM;
import static io.blueflash.flash.PageAction.PROGRAM_ONLY;
import static io.blueflash.flash.PageAction.SKIP_UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.image.FirmwareImage;
import io.blueflash.image.ImageSegment;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole-plan assertions on a tiny flash of 4 pages × 16 bytes at 0x0800_0000 (probe-rs builder-test style). */
class FlashPlannerTest {

    private static final long BASE = 0x0800_0000L;
    private static final FlashGeometry GEOMETRY = FlashGeometry.stm32f1(BASE, 16, 64);
    private static final FlashOptions OPTIONS = FlashOptions.defaults();

    private final Map<Integer, byte[]> flash = new HashMap<>();

    FlashPlannerTest() {
        for (int p = 0; p < 4; p++) {
            flash.put(p, page(0xFF));
        }
    }

    @Test
    void givenErasedFlash_whenSingleByte_thenOnePageProgramOnlyWithErasedFill() {
        FlashPlan plan = plan(FirmwareImage.binary(BASE + 5, new byte[] {0x42}), OPTIONS);

        byte[] expected = page(0xFF);
        expected[5] = 0x42;
        assertThat(plan.pages()).containsExactly(new PagePlan(0, BASE, PROGRAM_ONLY, expected));
        assertThat(plan.massErase()).isFalse();
    }

    @Test
    void givenImageCrossingPageBoundary_whenPlanned_thenBothPagesTouchedWithTheirShareOfBytes() {
        FlashPlan plan = plan(FirmwareImage.binary(BASE + 14, new byte[] {1, 2, 3, 4}), OPTIONS);

        byte[] first = page(0xFF);
        first[14] = 1;
        first[15] = 2;
        byte[] second = page(0xFF);
        second[0] = 3;
        second[1] = 4;
        assertThat(plan.pages()).containsExactly(
                new PagePlan(0, BASE, PROGRAM_ONLY, first),
                new PagePlan(1, BASE + 16, PROGRAM_ONLY, second));
    }

    @Test
    void givenPageAlreadyHoldingImage_whenPlanned_thenSkipUnchanged() {
        flash.put(2, counting(0));

        FlashPlan plan = plan(FirmwareImage.binary(BASE + 32, counting(0)), OPTIONS);

        assertThat(plan.pages()).containsExactly(new PagePlan(2, BASE + 32, SKIP_UNCHANGED, counting(0)));
        assertThat(plan.pagesToProgram()).isEmpty();
        assertThat(plan.bytesToProgram()).isZero();
    }

    @Test
    void givenUnchangedPageAndSkipDisabled_whenPlanned_thenEraseAndProgramAnyway() {
        flash.put(2, counting(0));

        FlashPlan plan = plan(FirmwareImage.binary(BASE + 32, counting(0)), OPTIONS.withSkipUnchangedPages(false));

        assertThat(plan.pages()).extracting(PagePlan::action).containsExactly(ERASE_AND_PROGRAM);
    }

    @Test
    void givenProgrammedPage_whenImageChangesSomeBytes_thenEraseAndProgramKeepingTheOtherBytes() {
        flash.put(1, counting(0x40));

        FlashPlan plan = plan(FirmwareImage.binary(BASE + 16 + 4, new byte[] {9, 9, 9, 9}), OPTIONS);

        byte[] expected = counting(0x40);
        Arrays.fill(expected, 4, 8, (byte) 9);
        assertThat(plan.pages()).containsExactly(new PagePlan(1, BASE + 16, ERASE_AND_PROGRAM, expected));
        assertThat(plan.pagesToErase()).hasSize(1);
        assertThat(plan.bytesToProgram()).isEqualTo(16);
    }

    @Test
    void givenTwoSegmentsAndMixedPages_whenPlanned_thenEachPageGetsItsOwnAction() {
        flash.put(0, counting(0));
        flash.put(3, counting(0x30));
        FirmwareImage image = FirmwareImage.of(List.of(
                new ImageSegment(BASE, counting(0)),
                new ImageSegment(BASE + 20, new byte[] {7}),
                new ImageSegment(BASE + 48, new byte[] {1})));

        FlashPlan plan = plan(image, OPTIONS);

        assertThat(plan.pages()).extracting(PagePlan::index, PagePlan::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, SKIP_UNCHANGED),
                org.assertj.core.groups.Tuple.tuple(1, PROGRAM_ONLY),
                org.assertj.core.groups.Tuple.tuple(3, ERASE_AND_PROGRAM));
        assertThat(plan.count(SKIP_UNCHANGED)).isEqualTo(1);
    }

    @Test
    void givenMassErase_whenPlanned_thenTouchedPagesProgramOnlyAndNothingPreserved() {
        flash.put(1, counting(0x40));

        FlashPlan plan = FlashPlanner.plan(FirmwareImage.binary(BASE + 16, new byte[] {5, 6}), GEOMETRY, Map.of(),
                OPTIONS.withEraseMode(EraseMode.MASS));

        byte[] expected = page(0xFF);
        expected[0] = 5;
        expected[1] = 6;
        assertThat(plan.massErase()).isTrue();
        assertThat(plan.pages()).containsExactly(new PagePlan(1, BASE + 16, PROGRAM_ONLY, expected));
    }

    @Test
    void givenImagePastTheEndOfFlash_whenPlanned_thenErrorNamesBothRangesBeyondReportedFlash() {
        FirmwareImage image = FirmwareImage.binary(BASE + 60, new byte[8]);

        assertThatThrownBy(() -> plan(image, OPTIONS))
                .isInstanceOf(FlashRangeException.class)
                .hasMessageContaining("[0x0800003C, 0x08000044)")
                .hasMessageContaining("[0x08000000, 0x08000040)")
                .satisfies(e -> assertThat(((FlashRangeException) e).reason()).isEqualTo(FlashRangeException.Reason.BEYOND_REPORTED_FLASH));
    }

    @Test
    void givenImageBelowFlash_whenPlanned_thenErrorSaysGiveTheFlashAddress() {
        assertThatThrownBy(() -> FlashPlanner.touchedPages(FirmwareImage.binary(0, new byte[4]), GEOMETRY))
                .isInstanceOf(FlashRangeException.class)
                .hasMessageContaining("outside the flash")
                .hasMessageContaining("0x08000000");
    }

    @Test
    void givenImageWithOptionBytesOrSramData_whenPlanned_thenErrorSaysWhatThatDataIs() {
        assertThatThrownBy(() -> FlashPlanner.touchedPages(FirmwareImage.binary(0x1FFF_F800L, new byte[2]), GEOMETRY))
                .isInstanceOf(FlashRangeException.class).hasMessageContaining("option bytes");
        assertThatThrownBy(() -> FlashPlanner.touchedPages(FirmwareImage.binary(0x2000_0100L, new byte[2]), GEOMETRY))
                .isInstanceOf(FlashRangeException.class).hasMessageContaining("for SRAM");
    }

    @Test
    void givenTouchedPageNotReadBack_whenPlanned_thenIllegalArgumentNamesThePage() {
        flash.remove(2);

        assertThatThrownBy(() -> plan(FirmwareImage.binary(BASE + 33, new byte[1]), OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page 2");
    }

    @Test
    void givenPageWithErasedHoles_whenProgramRuns_thenOnlyNonErasedHalfWordsListed() {
        byte[] data = page(0xFF);
        data[2] = 0;
        data[5] = 1;
        data[14] = 0x12;
        PagePlan plan = new PagePlan(0, BASE, PROGRAM_ONLY, data);

        assertThat(plan.programRuns()).containsExactly(new int[] {2, 4}, new int[] {14, 2});
    }

    @Test
    void givenSkipUnchanged_whenAskedWhatToReadBack_thenEveryTouchedPage() {
        FirmwareImage image = FirmwareImage.binary(BASE + 8, new byte[36]);

        assertThat(FlashPlanner.pagesToReadBack(image, GEOMETRY, OPTIONS)).containsExactly(0, 1, 2);
    }

    @Test
    void givenNoCompare_whenAskedWhatToReadBack_thenOnlyThePartlyCoveredPages() {
        FirmwareImage image = FirmwareImage.binary(BASE + 8, new byte[36]);   // 8..44: pages 0 and 2 partly, 1 wholly

        assertThat(FlashPlanner.pagesToReadBack(image, GEOMETRY, OPTIONS.withSkipUnchangedPages(false)))
                .containsExactly(0, 2);
    }

    @Test
    void givenMassOrNoErase_whenAskedWhatToReadBack_thenNothing() {
        FirmwareImage image = FirmwareImage.binary(BASE + 8, new byte[40]);

        assertThat(FlashPlanner.pagesToReadBack(image, GEOMETRY, OPTIONS.withEraseMode(EraseMode.MASS))).isEmpty();
        assertThat(FlashPlanner.pagesToReadBack(image, GEOMETRY, OPTIONS.withEraseMode(EraseMode.NONE))).isEmpty();
    }

    @Test
    void givenNoCompareAndWholePagesNotReadBack_whenPlanned_thenThosePagesAreErasedAndTheirNeighbourKeepsItsBytes() {
        flash.clear();
        flash.put(0, counting(100));
        FirmwareImage image = FirmwareImage.binary(BASE + 8, counting(0));   // 8..24: pages 0 and 1 partly
        FirmwareImage whole = FirmwareImage.binary(BASE + 16, concat(counting(0), counting(16)));

        FlashPlan plan = plan(whole, OPTIONS.withSkipUnchangedPages(false));

        assertThat(plan.pages()).containsExactly(
                new PagePlan(1, BASE + 16, ERASE_AND_PROGRAM, counting(0)),
                new PagePlan(2, BASE + 32, ERASE_AND_PROGRAM, counting(16)));
        assertThatThrownBy(() -> plan(image, OPTIONS.withSkipUnchangedPages(false)))
                .as("page 1 is covered only in part and was not read back")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNoErase_whenPlanned_thenEveryPageProgramOnlyOverErasedFillAndNothingToErase() {
        FlashPlan plan = FlashPlanner.plan(FirmwareImage.binary(BASE + 20, counting(0)), GEOMETRY, Map.of(),
                OPTIONS.withEraseMode(EraseMode.NONE));

        byte[] first = page(0xFF);
        System.arraycopy(counting(0), 0, first, 4, 12);
        byte[] second = page(0xFF);
        System.arraycopy(counting(12), 0, second, 0, 4);
        assertThat(plan.pages()).containsExactly(
                new PagePlan(1, BASE + 16, PROGRAM_ONLY, first),
                new PagePlan(2, BASE + 32, PROGRAM_ONLY, second));
        assertThat(plan.pagesToErase()).isEmpty();
        assertThat(plan.massErase()).isFalse();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private FlashPlan plan(FirmwareImage image, FlashOptions options) {
        return FlashPlanner.plan(image, GEOMETRY, flash, options);
    }

    private static byte[] page(int fill) {
        byte[] p = new byte[16];
        Arrays.fill(p, (byte) fill);
        return p;
    }

    private static byte[] counting(int from) {
        byte[] p = new byte[16];
        for (int i = 0; i < 16; i++) {
            p[i] = (byte) (from + i);
        }
        return p;
    }
}
