package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same write seen by a person at a terminal, by a log, by a script (--json), by a teacher (--trace). */
class OutputModesEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private String fw;
    private String prefix;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        fw = Files.write(dir.resolve("fw.bin"), new byte[3000]).toString();
        prefix = "--probe sim --sim-state " + dir.resolve("chip.state") + " ";
    }

    @Test
    void givenTerminal_whenWriting_thenRedrawnBarOnStderrAndSummaryOnStdout() {
        CliRun r = CliRun.run(home, Map.of(), null, true, prefix + "write " + fw + " 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).contains("\rprogram  [").contains("] 100%").contains("plan: ");
        assertThat(r.out).contains("wrote").doesNotContain("\r");
    }

    @Test
    void givenTerminalAndTrace_whenWriting_thenNoRedrawnBarCutsTheTraceLines() {
        CliRun r = CliRun.run(home, Map.of(), null, true, prefix + "--trace write " + fw + " 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).contains(" swd ").doesNotContain("\r").contains("program: done (3.0 KiB)");
        assertThat(r.err.lines()).allSatisfy(line -> assertThat(line).doesNotContain("] 100%"));
    }

    @Test
    void givenTerminal_whenWriting_thenTheBarShowsRateElapsedAndEta() {
        CliRun r = CliRun.run(home, Map.of(), null, true, prefix + "write " + fw + " 0x08000000");
        assertThat(r.err).containsPattern("program  \\[#+\\] 100%  3\\.0 KiB/3\\.0 KiB  [0-9.]+ KiB/s  0:\\d\\d ETA 0:00");
    }

    @Test
    void givenPipe_whenWriting_thenWholeLinesOnly() {
        CliRun r = CliRun.run(home, Map.of(), prefix + "write " + fw + " 0x08000000");
        assertThat(r.err).doesNotContain("\r").contains("program: 3072 bytes ...").contains("program: done (3.0 KiB)");
    }

    @Test
    void givenNoProgress_whenWriting_thenStderrSilentUnlessVerbose() {
        CliRun quiet = CliRun.run(home, Map.of(), null, true, prefix + "--no-progress write " + fw + " 0x08000000");
        assertThat(quiet.err).isEmpty();
        assertThat(quiet.out).contains("wrote");
        CliRun verbose = CliRun.run(home, Map.of(), prefix + "--no-progress -v write " + fw + " 0x08000000");
        assertThat(verbose.err).contains("plan: ").doesNotContain("program: done");
    }

    @Test
    void givenJson_whenWriting_thenExactlyOneDocumentOnStdoutAndNothingOnStderr() {
        CliRun r = CliRun.run(home, Map.of(), null, true, prefix + "--json write " + fw + " 0x08000000");
        assertThat(r.exitCode).isZero();
        assertThat(r.err).isEmpty();
        assertThat(r.out.lines()).hasSize(1);
        assertThat(r.out).startsWith("{\"ok\":true,\"exitCode\":0,\"exitReason\":\"OK\",\"command\":\"write\"")
                .contains("\"pagesProgrammed\":3").contains("\"simulatedMillis\":").contains("\"notes\":[");
        assertThat(r.jsonNumber("imageBytes")).isEqualTo(3000);
    }

    @Test
    void givenTrace_whenReading_thenSwdTransactionsAndDecodedRegistersOnStderr() {
        CliRun r = CliRun.run(home, Map.of(), prefix + "--no-progress --trace read " + dir.resolve("o.bin") + " 0x08000000 4");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).contains(" swd ").contains("DPIDR").containsPattern("\\[ +\\d+\\.\\d{3} us\\]");
    }
}
