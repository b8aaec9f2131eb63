package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the trace grouped by operation, a terse level, and {@code --trace=FILE} apart from progress. */
class TeachingTraceEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;
    private Path image;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
        byte[] data = new byte[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 200);
        }
        image = Files.write(dir.resolve("small.bin"), data);
        Files.write(dir.resolve("old.bin"), new byte[] {1, 2, 3, 4});
        assertThat(sim("write " + dir.resolve("old.bin") + " 0x08000E00").exitCode).isZero(); // page 3 holds data
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args);
    }

    @Test
    void givenOpsLevelIntoAFile_whenWrite_thenTheOperationsFromLineResetToRelockAndNothingOnStderr()
            throws IOException {
        Path file = dir.resolve("ops.txt");

        CliRun r = sim("write " + image + " 0x08000C00 --trace=ops:" + file);

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).doesNotContain("==").doesNotContain(" swd ");
        List<String> ops = Files.readAllLines(file);
        assertThat(ops).allSatisfy(line -> assertThat(line).contains(" == "));
        assertThat(ops.stream().map(l -> l.substring(l.indexOf("== ") + 3)).map(l -> l.contains(":") ? l.substring(0, l.indexOf(':')) : l))
                .containsSubsequence("connect the debug port", "power up the debug and system domains",
                        "reset into halt", "identify the chip", "check read-out protection", "plan",
                        "unlock the FPEC", "erase page 3 (0x08000C00)", "relock the FPEC", "verify");
        assertThat(ops).anyMatch(l -> l.contains("erase page 3") && l.contains("[PM0075 §2.3.3 Flash memory erase]")
                && l.contains("swd transaction"));
        assertThat(ops.get(0)).contains("SWD line reset").contains("ADIv5.2 (IHI 0031) §B4.3.3");
    }

    @Test
    void givenFullLevelIntoAFile_whenWrite_thenTransactionsIndentedUnderTheirOperation() throws IOException {
        Path file = dir.resolve("full.txt");

        CliRun r = sim("--no-progress write " + image + " 0x08000C00 --trace=" + file);

        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(file);
        int erase = indexOf(lines, "== erase page 3");
        assertThat(lines.get(erase + 1)).matches("\\[ *[0-9.]+ us\\]    (swd|bus)   .*");
        assertThat(lines).anyMatch(l -> l.contains("DP read  DPIDR") && l.contains("0x1BA01477"));
        assertThat(lines.size()).isGreaterThan(1000);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "'");
    }
}
