package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.blueflash.sim.chip.TimingPreset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short version of the side-by-side rows CI runs (`blueflash bench --tools` runs 64 KB): every row
 * exists and ran, on a 4 KB image. Figures are printed by the bench, not asserted here.
 */
class SideBySideTest {

    @Test
    void givenOpenOcdAndStm32flash_whenSideBySideOn4Kb_thenEveryRowRanOnTheSameChipModel() {
        for (String tool : List.of("openocd", "stm32flash", "socat")) {
            assumeTrue(ExternalTools.installed(tool), tool + " is not installed: apt-get install -y " + tool
                    + " (.ci/run installs it)");
        }

        List<SideBySide.Row> rows = SideBySide.run(List.of(TimingPreset.DATASHEET), 4096, r -> { });

        assertThat(rows).extracting(SideBySide.Row::tool).containsExactly("blueflash write (defaults)",
                "openocd program IMAGE verify", "blueflash write --assume-blank", "blueflash write --no-compare",
                "stm32flash -w IMAGE -v", "openocd flash write_image, after mass erase",
                "openocd flash write_image erase (page erase)", "openocd dump_image (read)");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.failed()).as(r.tool() + ": " + r.note()).isFalse();
            assertThat(r.simulatedNanos()).as(r.tool()).isPositive();
            assertThat(r.bytes()).isEqualTo(4096);
        });
        assertThat(rows).filteredOn(r -> r.tool().startsWith("blueflash write --"))
                .allSatisfy(r -> assertThat(r.limitCounts()).isEqualTo("line"));
    }
}
