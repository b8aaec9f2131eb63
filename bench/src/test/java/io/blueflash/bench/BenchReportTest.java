package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.sim.chip.TimingPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's tables, and docs/benchmarks.md: its figures are one run's, in the format the bench prints. */
class BenchReportTest {

    private static final BenchResult WRITE = new BenchResult("stm32f103c8", BenchScenario.WRITE_64K,
            BenchTransport.STLINK_V2_4000KHZ, TimingPreset.MEASURED, 65536, 2_000_000_000L, 1_600_000_000L, "flash+read",
            20_000_000L, 30_000_000L, 339, 0, -1, "64 programmed, 0 erased, 0 skipped, verified", false);
    private static final SideBySide.Row TOOL = new SideBySide.Row(TimingPreset.DATASHEET,
            SideBySide.Job.OPENOCD_CALIBRATION, "openocd dump_image (read)", 65536, 1_250_000_000L, 0, "-", 50, 58,
            "init; reset halt; dump_image out.bin 0x08000000 0x10000", false);

    @Test
    void givenAResult_whenPrinted_thenTheRowHasItsPresetLimitKindAndRatioAndMatchesTheRowPattern() {
        String row = BenchReport.row(WRITE);

        assertThat(row).contains("measured", "flash+read", "1.250", "2.000", "1.600");
        assertThat(row).matches(BenchReport.ROW);
    }

    @Test
    void givenAToolRow_whenPrinted_thenKibPerSecondAndTheRealBoardRangeAreShown() {
        String row = BenchReport.sideRow(TOOL);

        assertThat(row).contains("51.2", "50-58").matches(BenchReport.SIDE_ROW);
        assertThat(TOOL.matchesPublished()).isTrue();
    }

    @Test
    void givenADocument_whenTheGeneratedPartIsReplaced_thenTheProseAroundItStays() {
        String doc = "# Title\nprose\n" + BenchReport.BEGIN + "\nold figures\n" + BenchReport.END + "\nmore prose\n";

        String updated = BenchReport.replaceGenerated(doc, BenchReport.markdown("blueflash bench", "here",
                List.of(WRITE), List.of(TOOL), List.of("peak RSS: 50.0 MB"), List.of()));

        assertThat(updated).startsWith("# Title\nprose\n" + BenchReport.BEGIN).endsWith(BenchReport.END + "\nmore prose\n")
                .doesNotContain("old figures").contains(BenchReport.row(WRITE), BenchReport.sideRow(TOOL));
        assertThat(BenchReport.generatedPart(updated)).contains(BenchReport.header());
    }

    @Test
    void givenADocumentWithoutMarkers_whenReplaced_thenTheErrorSaysWhichLinesToAdd() {
        assertThatThrownBy(() -> BenchReport.replaceGenerated("# no markers\n", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(BenchReport.BEGIN);
    }

    /** The document's figures come from `blueflash bench --doc`: same header, every row in the printed format. */
    @Test
    void givenDocsBenchmarks_whenRead_thenItsGeneratedTablesAreInTheBenchsCurrentFormat() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "benchmarks.md"));
        String generated = BenchReport.generatedPart(doc);

        assertThat(generated).as("docs/benchmarks.md holds a generated part").isNotEmpty();
        List<String> lines = generated.lines().toList();
        assertThat(lines).contains(BenchReport.header(), BenchReport.sideHeader(), "| target | goal | measured | |");
        assertThat(lines.stream().filter(l -> l.matches(BenchReport.ROW.pattern())).count())
                .as("scenario rows").isPositive();
        int scenarioStart = lines.indexOf(BenchReport.header());
        for (String line : lines.subList(scenarioStart + 1, fenceAfter(lines, scenarioStart))) {
            assertThat(line).as("scenario row").matches(BenchReport.ROW);
        }
        int sideStart = lines.indexOf(BenchReport.sideHeader());
        List<String> sideRows = lines.subList(sideStart + 1, fenceAfter(lines, sideStart));
        assertThat(sideRows).as("side-by-side rows").isNotEmpty().allSatisfy(l -> assertThat(l).matches(BenchReport.SIDE_ROW));
        assertThat(sideRows).anySatisfy(l -> assertThat(l).contains("openocd"))
                .anySatisfy(l -> assertThat(l).contains("stm32flash"));
        assertThat(doc.replace(generated, "")).as("no figures outside the generated part")
                .doesNotContainPattern("\\d+\\.\\d{3} s simulated");
    }

    private static int fenceAfter(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new AssertionError("no closing ``` after line " + from);
    }
}
