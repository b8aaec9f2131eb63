package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that do not fit the simulated chip's flash: refused before anything changes, exit code 2.
 */
class RangeErrorsEndToEndTest {

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
    void givenImageOutsideFlash_whenWriting_thenExit2NamingTheFlashRange() throws IOException {
        Files.write(dir.resolve("fw.bin"), new byte[256]);
        CliRun r = sim("write FILE:fw.bin 0x20000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("0x08000000");
    }

    @Test
    void givenImageLargerThanTheChip_whenWriting_thenExit2WithFlashHint() throws IOException {
        Files.write(dir.resolve("big.bin"), new byte[200 * 1024]);
        CliRun r = sim("write FILE:big.bin 0x08000000");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("--flash");
    }

    @Test
    void givenEraseRangeCuttingPages_whenErasing_thenExit2NamingThePagesAndNothingErased() throws IOException {
        Files.write(dir.resolve("fw.bin"), new byte[2048]);
        assertThat(sim("write FILE:fw.bin 0x08000000").exitCode).isZero();
        CliRun r = sim("erase 0x08000010 100");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("0x08000000").contains("--allow-page-rounding");
        assertThat(sim("read FILE:back.bin 0x08000000 2048").exitCode).isZero();
        assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(new byte[2048]);
        CliRun rounded = sim("erase 0x08000010 100 --allow-page-rounding");
        assertThat(rounded.exitCode).as(rounded.toString()).isZero();
        assertThat(rounded.out).contains("erased 1 page(s)");
    }

    @Test
    void givenReadPastTheEndOfFlash_whenReading_thenRangeErrorExit2NamingWhereFlashEnds() {
        CliRun r = sim("read FILE:big.bin 0x08000000 1M");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("flash ends").contains("0x08020000").contains("RM0008 §3.3")
                .contains("the chip reports 64 KB").doesNotContain("wiring").doesNotContain("bus fault");
        assertThat(dir.resolve("big.bin")).doesNotExist();
    }

    @Test
    void givenUnalignedReadCrossingTheEndOfFlash_whenReading_thenTheExactEndIsNamed() {
        CliRun r = sim("read FILE:tail.bin 0x0801FF00 0x200");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.err).contains("from 0x08020000 on");
    }
}
