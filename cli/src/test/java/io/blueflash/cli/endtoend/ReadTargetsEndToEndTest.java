package io.blueflash.cli.endtoend;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 3: {@code read FILE} writes where a shell redirection would: through symbolic links,
 * into FIFOs and devices, {@code -} to stdout; new files get the usual umask permissions. Item 17:
 * reset without {@code --hard} is a soft reset and says so; a verify mismatch hint can be pasted.
 */
class ReadTargetsEndToEndTest {

    private static final String TEXT = "HELLO-BLUEFLASH!";

    @TempDir
    Path dir;

    private Path home;
    private Path state;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
        Files.writeString(dir.resolve("text.bin"), TEXT);
        assertThat(sim("write " + dir.resolve("text.bin") + " 0x08000000").exitCode).isZero();
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " --no-progress " + args);
    }

    @Test
    void givenSymlink_whenReadInto_thenTheLinkStaysAndItsTargetHoldsTheBytes() throws IOException {
        Path target = dir.resolve("real.bin");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), target.getFileName());

        CliRun r = sim("read " + link + " 0x08000000 16");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo(TEXT);
    }

    @Test
    void givenFifo_whenReadInto_thenTheFifoStaysAndTheReaderGetsTheBytes() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CliRun r = sim("read " + fifo + " 0x08000000 16");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(new String(reader.get(20, TimeUnit.SECONDS), StandardCharsets.US_ASCII)).isEqualTo(TEXT);
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a FIFO").isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void givenDash_whenRead_thenTheBytesGoToStdoutAndTheReportToStderr() {
        CliRun r = sim("read - 0x08000000 16");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).isEqualTo(TEXT);
        assertThat(r.err).contains("read 16 bytes at 0x08000000").contains("standard output");
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(sim("--json read - 0x08000000 16").exitCode).isEqualTo(1);
    }

    @Test
    void givenNewAndExistingFiles_whenReadInto_thenUmaskPermissionsAndKeptPermissions() throws IOException {
        Path reference = dir.resolve("made-by-java.bin");
        Files.newOutputStream(reference).close(); // 0666 minus this process's umask, as for any new file
        Path existing = dir.resolve("existing.bin");
        Files.writeString(existing, "x");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(sim("read " + dir.resolve("new.bin") + " 0x08000000 16").exitCode).isZero();
        assertThat(sim("read " + existing + " 0x08000000 16").exitCode).isZero();

        assertThat(Files.getPosixFilePermissions(dir.resolve("new.bin")))
                .isEqualTo(Files.getPosixFilePermissions(reference));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r-----");
        assertThat(Files.readString(existing)).isEqualTo(TEXT);
    }

    @Test
    void givenResetWithoutHard_whenRun_thenASoftResetReportedAsSuch() {
        CliRun soft = sim("reset");
        CliRun hard = sim("reset --hard");
        CliRun json = sim("--json reset");

        assertThat(soft.exitCode).as(soft.toString()).isZero();
        assertThat(soft.out).contains("(soft: AIRCR.SYSRESETREQ)");
        assertThat(hard.out).contains("(hard: NRST pulsed)");
        assertThat(json.out).contains("\"performed\":\"SOFT\"");
    }

    @Test
    void givenRawBinaryThatDiffers_whenVerified_thenTheHintIsACommandThatWorks() throws IOException {
        Files.writeString(dir.resolve("other.bin"), "something else!!");

        CliRun r = sim("verify " + dir.resolve("other.bin") + " 0x08000000");
        CliRun noAddress = sim("verify " + dir.resolve("other.bin"));

        assertThat(r.exitCode).isEqualTo(6);
        assertThat(r.err).contains("blueflash write " + dir.resolve("other.bin") + " 0x08000000), then verify");
        assertThat(noAddress.err).contains("e.g. verify " + dir.resolve("other.bin") + " 0x08000000");
    }
}
