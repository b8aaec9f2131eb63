package io.blueflash.cli.endtoend;

import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 items 1, 2 and 4: a command reports success only when the simulated chip's new state was
 * saved; one session at a time per state file; a bad state file has its own exit code and message.
 */
class StateFileTruthEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path blink;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        blink = Path.of("..", "examples", "blink.bin").toAbsolutePath().normalize();
    }

    private CliRun sim(Path state, String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " " + args);
    }

    @Test
    void givenStateThatCannotBeSaved_whenWriting_thenFailureExit9AndJsonNotOk() {
        Path state = dir.resolve("s".repeat(240)); // its temporary sibling's name is too long: the save fails

        CliRun r = sim(state, "--json write " + blink + " 0x08000000");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(9);
        assertThat(r.out).contains("\"ok\":false").contains("\"exitCode\":9").contains("NOT saved")
                .doesNotContain("\"ok\":true");
        CliRun plain = sim(state, "write " + blink + " 0x08000000");
        assertThat(plain.exitCode).as(plain.toString()).isEqualTo(9);
        assertThat(plain.out).doesNotContain("verified");
        assertThat(plain.err).contains("error: simulator state NOT saved to " + state);
    }

    @Test
    void givenSimServeHoldingTheStateFile_whenWriting_thenProbeBusyExit8NamingTheServer() throws Exception {
        Path state = dir.resolve("chip.state");
        try (SimServer server = SimServer.open("stm32f103c8", state, new PrintStream(new ByteArrayOutputStream()))) {
            CliRun r = sim(state, "write " + blink + " 0x08000000");

            assertThat(r.exitCode).as(r.toString()).isEqualTo(8);
            assertThat(r.err).contains("probe busy").contains(state.toString())
                    .contains("pid " + ProcessHandle.current().pid());
        }
        assertThat(sim(state, "write " + blink + " 0x08000000").exitCode).as("free again after the server stops")
                .isZero();
    }

    @Test
    void givenSimServeInAnotherProcess_whenWriting_thenProbeBusyNamingItsPidAndCommand() throws Exception {
        Path state = dir.resolve("served.state");
        Path out = dir.resolve("serve.out");
        Process serve = CliProcess.start(dir, Map.of(), out, dir.resolve("serve.err"),
                "sim", "serve", "--state", state.toString(), "--bmp-tcp", "0", "--ignore-stdin");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).contains("serving") && System.nanoTime() < deadline && serve.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(out)).contains("serving");

            CliRun r = sim(state, "--json write " + blink + " 0x08000000");

            assertThat(r.exitCode).as(r.toString()).isEqualTo(8);
            assertThat(r.out).contains("\"ok\":false").contains("pid " + serve.pid())
                    .contains("blueflash sim serve --state " + state);
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(sim(state, "read " + dir.resolve("back.bin") + " 0x08000000 16").exitCode).isZero();
    }

    @Test
    void givenCorruptStateFile_whenReading_thenExit9NamingTheFileWithoutWiringHints() throws IOException {
        Path state = dir.resolve("corrupt.state");
        Files.writeString(state, "this is not a state file");

        CliRun r = sim(state, "read " + dir.resolve("out.bin") + " 0x08000000 16");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(9);
        assertThat(r.err).contains(state.toString()).contains("bad magic").contains("--sim-state")
                .doesNotContain("wiring").doesNotContain("target not responding");
    }

    @Test
    void givenStateFileOfAnotherProfile_whenUsedWithTheDefault_thenExit9NamingTheProfile() {
        Path state = dir.resolve("cb.state");
        SimStateFile.save(state, Stm32F103.create("stm32f103cb"));

        CliRun r = sim(state, "info");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(9);
        assertThat(r.err).contains("holds a stm32f103cb").contains("--probe sim:stm32f103cb");
    }

    @Test
    void givenHugeLengthField_whenLoaded_thenExit9FormatErrorNotOutOfMemory() throws IOException {
        Path state = dir.resolve("huge.state");
        SimStateFile.save(state, Stm32F103.create("stm32f103c8"));
        byte[] content = Files.readAllBytes(state);
        int lengthAt = 8 + 2 + 2 + "stm32f103c8".length();
        content[lengthAt] = 0x7F;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(content, 0, content.length - 4);
        java.nio.ByteBuffer.wrap(content, content.length - 4, 4).putInt((int) crc.getValue());
        Files.write(state, content);

        CliRun r = sim(state, "info");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(9);
        assertThat(r.err).contains("length field").doesNotContain("OutOfMemoryError");
    }

    static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
