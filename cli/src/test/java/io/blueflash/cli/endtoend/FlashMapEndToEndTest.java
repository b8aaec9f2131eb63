package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.cli.output.SvgDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Issue 17: {@code --flash-map FILE.svg} on write, erase and verify against the simulated chip. */
class FlashMapEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
    }

    private CliRun sim(String profile, String args) {
        return CliRun.run(home, Map.of(), "--probe " + profile + " --sim-state " + state + " --no-progress " + args);
    }

    private Path bytes(String name, int length, int seed) throws IOException {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i % 200 + seed);                           // never 0xFF: every byte is data
        }
        return Files.write(dir.resolve(name), data);
    }

    @Test
    void givenPagesWithDataAround_whenWriteWithFlashMap_thenSixtyFourCellsWhoseClassesAreTheReportsCounts()
            throws IOException {
        assertThat(sim("sim", "write " + bytes("five.bin", 5000, 1) + " 0x08002000").exitCode).isZero(); // pages 8-12
        Path map = dir.resolve("map.svg");

        CliRun r = sim("sim", "--json write " + bytes("small.bin", 300, 2) + " 0x08002100 --flash-map " + map);

        assertThat(r.exitCode).as(r.toString()).isZero();
        SvgDocument svg = SvgDocument.parse(Files.readString(map));
        assertThat(svg.cells()).hasSize(64);
        Element page8 = svg.cells().get(8);
        assertThat(SvgDocument.classes(page8)).contains("erased-programmed", "kept");
        assertThat(SvgDocument.title(page8)).contains("page 8", "0x08002000 to 0x080023FF", "300 image bytes",
                "724 bytes around the image kept");
        assertThat(svg.cellsWith("erased-programmed")).isEqualTo(r.jsonNumber("pagesErased")).isEqualTo(1);
        assertThat(svg.cellsWith("untouched")).isEqualTo(63);
        assertThat(svg.legendCount("erased-programmed")).isEqualTo(1);
        assertThat(svg.legendCount("write-protected")).isZero();
        assertThat(r.out).contains("\"flashMap\":{\"pageSize\":1024,\"pageCount\":64")
                .contains("\"keptBytes\":724").contains("\"phase\":\"erase\"");
        assertThat(svg.groups("phase")).extracting(g -> g.getAttribute("data-phase"))
                .containsExactly("read-back", "erase", "program", "verify", "other");
    }

    @Test
    void givenTheSameImageTwice_whenWriteWithFlashMap_thenUnchangedCellsEqualTheReportsUnchangedPages()
            throws IOException {
        Path image = bytes("three.bin", 3 * 1024, 3);
        sim("sim", "write " + image + " 0x08000000");
        Path map = dir.resolve("again.svg");

        CliRun r = sim("sim", "--json write " + image + " 0x08000000 --flash-map " + map);

        SvgDocument svg = SvgDocument.parse(Files.readString(map));
        assertThat(svg.cellsWith("unchanged")).isEqualTo(r.jsonNumber("pagesUnchanged")).isEqualTo(3);
        assertThat(svg.cellsWith("programmed") + svg.cellsWith("erased-programmed")).isZero();
        assertThat(r.jsonNumber("pagesProgrammed")).isZero();
    }

    @Test
    void givenOneMegabyteXlPart_whenWriteAcrossTheBankBoundary_thenTwoBanksOf256AndPagesOnBothSides()
            throws IOException {
        Path map = dir.resolve("zg.svg");

        CliRun r = sim("sim:stm32f103zg", "write " + bytes("cross.bin", 8 * 1024, 4) + " 0x0807F000 --flash-map " + map);

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("flash map: " + map);
        SvgDocument svg = SvgDocument.parse(Files.readString(map));
        assertThat(svg.groups("bank")).hasSize(2);
        assertThat(svg.cells()).hasSize(512);
        assertThat(svg.cells()).filteredOn(c -> SvgDocument.classes(c).contains("programmed"))
                .extracting(c -> c.getAttribute("data-page") + "@" + c.getAttribute("data-bank"))
                .containsExactly("254@1", "255@1", "256@2", "257@2");
    }

    @Test
    void givenARangeErase_whenFlashMap_thenExactlyThosePagesErased() throws IOException {
        Path map = dir.resolve("erase.svg");

        CliRun r = sim("sim", "--json erase 0x08001000 4096 --flash-map " + map);

        assertThat(r.exitCode).as(r.toString()).isZero();
        SvgDocument svg = SvgDocument.parse(Files.readString(map));
        assertThat(svg.cells()).filteredOn(c -> SvgDocument.classes(c).contains("erased"))
                .extracting(c -> c.getAttribute("data-page")).containsExactly("4", "5", "6", "7");
        assertThat(svg.cellsWith("erased")).isEqualTo(r.jsonNumber("pagesErased"));
    }

    @Test
    void givenAChangedByte_whenVerifyWithFlashMap_thenItsPageMismatchedAndTheMapWrittenDespiteExitCode6()
            throws IOException {
        Path image = bytes("two.bin", 2048, 5);
        sim("sim", "write " + image + " 0x08000000");
        byte[] changed = Files.readAllBytes(image);
        changed[1500] ^= 0x40;
        Path map = dir.resolve("verify.svg");

        CliRun r = sim("sim", "verify " + Files.write(dir.resolve("changed.bin"), changed) + " 0x08000000 --flash-map " + map);

        assertThat(r.exitCode).as(r.toString()).isEqualTo(6);
        SvgDocument svg = SvgDocument.parse(Files.readString(map));
        assertThat(SvgDocument.classes(svg.cells().get(0))).contains("verified");
        assertThat(SvgDocument.classes(svg.cells().get(1))).contains("mismatched");
        assertThat(svg.cellsWith("untouched")).isEqualTo(62);
    }
}
