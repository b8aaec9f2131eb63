package io.blueflash.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.port.in.FlashBank;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.PageCell;
import io.blueflash.port.in.PageFate;
import io.blueflash.port.in.PhaseTime;
import io.blueflash.progress.FlashPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class FlashMapSvgTest {

    private static final long BASE = 0x0800_0000L;

    @Test
    void givenBluePillWrite_whenRendered_thenOneTitledCellPerPageWithItsFateAndKeptAndProtectionClasses() {
        FlashMap map = map(64, 1024, 64, i -> switch (i) {
            case 0 -> cell(i, 1024, PageFate.ERASED_AND_PROGRAMMED, 1024, 0);
            case 1 -> cell(i, 1024, PageFate.ERASED_AND_PROGRAMMED, 100, 300);
            case 2 -> cell(i, 1024, PageFate.UNCHANGED, 1024, 0);
            case 3 -> cell(i, 1024, PageFate.PROGRAMMED, 1024, 0);
            default -> new PageCell(i, BASE + i * 1024L, 1024, 1, PageFate.UNTOUCHED, 0, 0, i >= 60, false);
        }, true);

        SvgDocument svg = SvgDocument.parse(FlashMapSvg.render(map));

        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        List<Element> cells = svg.cells();
        assertThat(cells).hasSize(64);
        assertThat(cells).extracting(c -> c.getAttribute("data-page")).startsWith("0", "1", "2", "3", "4");
        assertThat(SvgDocument.classes(cells.get(0))).contains("erased-programmed").doesNotContain("kept");
        assertThat(SvgDocument.classes(cells.get(1))).contains("erased-programmed", "kept");
        assertThat(SvgDocument.classes(cells.get(2))).contains("unchanged");
        assertThat(SvgDocument.classes(cells.get(3))).contains("programmed");
        assertThat(SvgDocument.classes(cells.get(63))).contains("untouched", "write-protected");
        assertThat(cells).allSatisfy(c -> assertThat(SvgDocument.title(c)).startsWith("page " + c.getAttribute("data-page")));
        assertThat(SvgDocument.title(cells.get(1))).contains("0x08000400 to 0x080007FF", "100 image bytes",
                "300 bytes around the image kept");
        assertThat(SvgDocument.title(cells.get(61))).contains("write-protected");
    }

    @Test
    void givenCounts_whenRendered_thenLegendCountsEqualTheMapsAndProtectionIsNamed() {
        FlashMap map = map(64, 1024, 64, i -> i < 5 ? cell(i, 1024, PageFate.ERASED, 0, 0)
                : new PageCell(i, BASE + i * 1024L, 1024, 1, PageFate.UNTOUCHED, 0, 0, i < 8, false), true);

        SvgDocument svg = SvgDocument.parse(FlashMapSvg.render(map));

        assertThat(svg.legendCount("erased")).isEqualTo(5).isEqualTo(svg.cellsWith("erased"));
        assertThat(svg.legendCount("untouched")).isEqualTo(59);
        assertThat(svg.legendCount("write-protected")).isEqualTo(3).isEqualTo(svg.cellsWith("write-protected"));
        assertThat(svg.legendCount("programmed")).isEqualTo(-1);
        assertThat(svg.groups("phase")).extracting(g -> g.getAttribute("data-phase")).containsExactly("erase", "other");
    }

    @Test
    void givenReadProtectionAndUnreadOptionBytes_whenRendered_thenReadProtectedCellsOrANoteSaySo() {
        FlashMap locked = map(64, 1024, 64,
                i -> new PageCell(i, BASE + i * 1024L, 1024, 1, PageFate.UNTOUCHED, 0, 0, false, true), true);
        FlashMap unknown = map(64, 1024, 64, i -> cell(i, 1024, PageFate.UNTOUCHED, 0, 0), false);

        SvgDocument lockedSvg = SvgDocument.parse(FlashMapSvg.render(locked));
        String unknownSvg = FlashMapSvg.render(unknown);

        assertThat(lockedSvg.cellsWith("read-protected")).isEqualTo(64);
        assertThat(lockedSvg.legendCount("read-protected")).isEqualTo(64);
        assertThat(SvgDocument.parse(unknownSvg).legendCount("write-protected")).isEqualTo(-1);
        assertThat(unknownSvg).contains("protection not shown: the option bytes were not read");
    }

    @Test
    void givenOneMegabyteTwoBanks_whenRendered_thenTwoBankGroupsOf256CellsAndRowsLabelledByAddress() {
        FlashMap map = map(512, 2048, 256, i -> cell(i, 2048, i == 255 || i == 256 ? PageFate.PROGRAMMED
                : PageFate.UNTOUCHED, i == 255 || i == 256 ? 2048 : 0, 0), true);

        String text = FlashMapSvg.render(map);
        SvgDocument svg = SvgDocument.parse(text);

        List<Element> banks = svg.groups("bank");
        assertThat(banks).hasSize(2);
        assertThat(banks.get(1).getAttribute("data-bank")).isEqualTo("2");
        assertThat(svg.cells()).hasSize(512);
        assertThat(svg.cells()).filteredOn(c -> c.getAttribute("data-bank").equals("2")).hasSize(256);
        assertThat(svg.cellsWith("programmed")).isEqualTo(2);
        assertThat(text).contains("bank 2: 0x08080000 to 0x080FFFFF, 256 pages of 2 KB", "0x08080000  p256",
                "0x080F0000  p480");
    }

    @Test
    void givenAMap_whenJson_thenRunsCoverEveryPageOnceAndCountsMatch() {
        FlashMap map = map(512, 2048, 256, i -> cell(i, 2048, i >= 250 && i < 260 ? PageFate.PROGRAMMED
                : PageFate.UNTOUCHED, i >= 250 && i < 260 ? 2048 : 0, 0), true);

        var json = FlashMapJson.of(map);

        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> runs = (List<java.util.Map<String, Object>>) json.get("runs");
        assertThat(runs).extracting(r -> r.get("firstPage") + "-" + r.get("lastPage") + " " + r.get("fate")
                + " bank " + r.get("bank")).containsExactly("0-249 untouched bank 1", "250-255 programmed bank 1",
                "256-259 programmed bank 2", "260-511 untouched bank 2");
        assertThat(((java.util.Map<?, ?>) json.get("counts")).get("programmed")).isEqualTo(10);
        assertThat(Json.write(json)).contains("\"pageCount\":512");
    }

    private static PageCell cell(int index, int size, PageFate fate, int image, int kept) {
        return new PageCell(index, BASE + (long) index * size, size, 1, fate, image, kept, false, false);
    }

    /** A map of {@code count} pages; pages from {@code perBank} on are in bank 2. */
    private static FlashMap map(int count, int pageSize, int perBank, IntFunction<PageCell> cells, boolean protection) {
        List<PageCell> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PageCell c = cells.apply(i);
            int bank = i < perBank ? 1 : 2;
            pages.add(new PageCell(c.index(), c.address(), c.size(), bank, c.fate(), c.imageBytes(), c.keptBytes(),
                    c.writeProtected(), c.readProtected()));
        }
        List<FlashBank> banks = new ArrayList<>();
        banks.add(new FlashBank(1, BASE, BASE + (long) Math.min(count, perBank) * pageSize, 0, Math.min(count, perBank)));
        if (count > perBank) {
            banks.add(new FlashBank(2, BASE + (long) perBank * pageSize, BASE + (long) count * pageSize, perBank,
                    count - perBank));
        }
        List<PhaseTime> phases = List.of(new PhaseTime(FlashPhase.ERASE, 5 * 1024, Duration.ofMillis(3),
                Optional.of(Duration.ofMillis(100))));
        return new FlashMap("erase", "test chip", pageSize, banks, pages, protection, phases,
                new OperationTiming(Duration.ofMillis(5), Optional.of(Duration.ofMillis(101))));
    }
}
