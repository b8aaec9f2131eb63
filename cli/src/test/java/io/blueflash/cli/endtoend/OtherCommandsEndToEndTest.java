package io.blueflash.cli.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, probes and reset against the simulator, as st-info and st-flash reset users expect. */
class OtherCommandsEndToEndTest {

    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
    }

    private CliRun sim(String probe, String args) {
        return CliRun.run(home, Map.of(), "--probe " + probe + " --sim-state " + dir.resolve(probe.replace(':', '-'))
                + " " + args);
    }

    @Test
    void givenBluePill_whenInfo_thenStInfoFields() {
        CliRun r = sim("sim", "info");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("chipid:  0x0410").contains("flash:   65536 (pagesize: 1024)")
                .contains("probe:   sim:stm32f103c8");
    }

    @Test
    void givenHighDensityProfile_whenAskedForFlashOnly_thenOneLineWith2kPages() {
        CliRun r = sim("sim:stm32f103ze", "info flash");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.strip()).isEqualTo("flash:   524288 (pagesize: 2048)");
    }

    @Test
    void givenFlashOverride_whenInfo_thenOverrideShownWithReportedSize() {
        CliRun r = sim("sim", "--flash=128k info flash");
        assertThat(r.out).contains("flash:   131072").contains("chip reports 65536");
    }

    @Test
    void givenCloneProfile_whenInfoAsJson_thenCloneFlagged() {
        CliRun r = sim("sim:apm32f103c8", "--json info");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"clone\":true");
    }

    @Test
    void givenSimulator_whenListingProbes_thenEveryProfileSelectable() {
        CliRun r = CliRun.run(home, Map.of(), "probes");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("sim:stm32f103c8").contains("sim:gd32f103c8");
    }

    @Test
    void givenSimulator_whenReset_thenRunning() {
        CliRun r = sim("sim", "reset");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("reset sim:stm32f103c8").contains("running");
        CliRun st = CliRun.run(home, Map.of("BLUEFLASH_PROBE", "sim"),
                "--st-flash --sim-state " + dir.resolve("st.state") + " reset");
        assertThat(st.exitCode).as(st.toString()).isZero();
    }
}
