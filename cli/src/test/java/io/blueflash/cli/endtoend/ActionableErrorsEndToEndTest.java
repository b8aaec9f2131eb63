package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.port.out.ProbeDescriptor;
import io.blueflash.port.out.TargetCommunicationException;
import io.blueflash.port.out.TargetConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error a user can act on, through the real main entry: the exit code and the message shown.
 */
class ActionableErrorsEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args.replace("FILE:", dir + "/"));
    }

    @Test
    void givenMissingFile_whenWriting_thenExit2NamingTheFile() {
        CliRun r = sim("write FILE:nope.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("error: file not found: " + dir + "/nope.bin").contains("hint: check the path");
    }

    @Test
    void givenDirectoryInsteadOfFile_whenWriting_thenExit2SayingSo() throws IOException {
        Files.createDirectories(dir.resolve("firmware"));
        CliRun r = sim("write FILE:firmware 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("is a directory, not a firmware file");
    }

    @Test
    void givenHexWithBadChecksum_whenWriting_thenExit2NamingTheLine() throws IOException {
        String good = HexLines.extendedLinear(0x0800);
        String bad = HexLines.data(0, new byte[] {1, 2, 3, 4}).replaceFirst("..\n$", "00\n");
        Files.writeString(dir.resolve("bad.hex"), good + bad + HexLines.eof(), StandardCharsets.US_ASCII);
        CliRun r = sim("write FILE:bad.hex");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).containsIgnoringCase("line 2").containsIgnoringCase("checksum");
        assertThat(state).as("nothing connected, state untouched").doesNotExist();
    }

    @Test
    void givenRawBinaryWithoutAddress_whenWriting_thenUsageErrorShowsTheForm() throws IOException {
        Files.write(dir.resolve("fw.bin"), new byte[16]);
        CliRun r = sim("write FILE:fw.bin");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.err).contains("raw binary, which carries no address").contains("0x08000000");
    }

    @Test
    void givenNoProbeOptionAndNoHardware_whenWriting_thenExit3NamingSimAndSimNotUsed() throws IOException {
        Files.write(dir.resolve("fw.bin"), new byte[16]);
        CliRun r = CliRun.run(home, Map.of(), "write " + dir + "/fw.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(3);
        assertThat(r.err).contains("no probe found").contains("--probe sim");
        assertThat(home.resolve(".blueflash")).as("no simulator state created").doesNotExist();
    }

    @Test
    void givenNoProbeAttached_whenListing_thenMessageNamesSim() {
        CliRun r = CliRun.run(home, Map.of(), List.of(), "probes");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("no probe attached").contains("--probe sim");
    }

    @Test
    void givenTargetThatDoesNotAnswer_whenWriting_thenExit4WithWiringHints() throws IOException {
        Files.write(dir.resolve("fw.bin"), new byte[16]);
        CliRun r = CliRun.run(home, Map.of(), List.of(new SilentTargetConnector()),
                "--probe silent write " + dir + "/fw.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(4);
        assertThat(r.err).contains("target not responding").contains("--connect-under-reset").contains("wiring");
    }

    @Test
    void givenJson_whenProbeMissing_thenOneJsonErrorDocument() throws IOException {
        Files.write(dir.resolve("fw.bin"), new byte[16]);
        CliRun r = CliRun.run(home, Map.of(), List.of(), "--json write " + dir + "/fw.bin 0x08000000");
        assertThat(r.exitCode).isEqualTo(3);
        assertThat(r.out.trim()).startsWith("{\"ok\":false,\"exitCode\":3,\"exitReason\":\"PROBE_NOT_FOUND\"")
                .contains("--probe sim").endsWith("}");
        assertThat(r.out.trim().lines()).hasSize(1);
    }

    /** A probe that opens but whose target never answers (unpowered board, SWD lines swapped). */
    static final class SilentTargetConnector implements ProbeConnector {
        @Override
        public String transportName() {
            return "silent";
        }

        @Override
        public List<ProbeDescriptor> listProbes() {
            return List.of(new ProbeDescriptor("silent", "", "probe with a silent target"));
        }

        @Override
        public TargetConnection connect(ProbeSelector selector, ConnectOptions options) {
            throw new TargetCommunicationException(
                    "target not responding: no ACK to the DPIDR read after the SWD line reset");
        }
    }
}
