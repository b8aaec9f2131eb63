package io.blueflash.cli.endtoend;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 16: the simulator's fault injection from the command line (docs/sim.md). */
class SimFaultsEndToEndTest {

    @TempDir
    Path dir;

    private Path home;
    private Path state;
    private Path blink;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        state = dir.resolve("chip.state");
        blink = Path.of("..", "examples", "blink.bin").toAbsolutePath().normalize();
    }

    private CliRun sim(String args) {
        return CliRun.run(home, Map.of(), "--probe sim --sim-state " + state + " --no-progress " + args);
    }

    @Test
    void givenPowerLossDuringWrite_whenWriting_thenTheWriteFailsAndTheNextCommandSeesAPartialImage() {
        CliRun cut = sim("--sim-fault power-loss-after=30 write " + blink + " 0x08000000");

        assertThat(cut.exitCode).as(cut.toString()).isNotZero().isNotEqualTo(1);
        CliRun verify = sim("verify " + blink + " 0x08000000");
        assertThat(verify.exitCode).as("the board lost power mid-write: " + verify).isEqualTo(6);
        assertThat(sim("write " + blink + " 0x08000000").exitCode).as("power back: the write goes through").isZero();
    }

    @Test
    void givenWaitStorm_whenReading_thenTheProbeRetriesAndSucceeds() {
        CliRun r = sim("--sim-fault wait-storm=50 read " + dir.resolve("out.bin") + " 0x08000000 64");

        assertThat(r.exitCode).as(r.toString()).isZero();
    }

    @Test
    void givenWaitStormLongerThanTheRetries_whenReading_thenTargetNotResponding() {
        CliRun r = sim("--sim-fault wait-storm=100000 read " + dir.resolve("out.bin") + " 0x08000000 64");

        assertThat(r.exitCode).as(r.toString()).isEqualTo(4);
        assertThat(r.err).contains("WAIT");
    }

    @Test
    void givenNrstNotWired_whenConnectingUnderReset_thenTheAttachFallsBackToASystemResetAndHalts() {
        CliRun r = sim("--sim-fault nrst-not-wired --connect-under-reset --json info");

        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"chipId\":\"0x0410\"");
    }

    @Test
    void givenUnknownFaultOrARealProbe_whenRun_thenUsageErrorNamingTheFaults() {
        CliRun unknown = sim("--sim-fault lightning info");
        CliRun parity = sim("--sim-fault parity-errors=3 info");
        CliRun real = CliRun.run(home, Map.of(), "--probe stlink:XYZ --sim-fault wait-storm=3 info");

        assertThat(unknown.exitCode).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err).contains("lightning").contains("power-loss-after=N");
        assertThat(parity.exitCode).as(parity.toString()).isEqualTo(1);
        assertThat(parity.err).contains("bit-level SWD line");
        assertThat(real.exitCode).as(real.toString()).isEqualTo(1);
        assertThat(real.err).contains("--probe sim");
    }
}
