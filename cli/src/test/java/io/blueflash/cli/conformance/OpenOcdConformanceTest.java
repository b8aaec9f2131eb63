package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.serve.StreamService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenOCD 0.12, unmodified, with {@code target/stm32f1x.cfg}: once through its own ST-Link driver over
 * the stlink-server protocol (our ST-Link emulator behind it), once through remote_bitbang JTAG (our
 * JTAG-DP + boundary-scan chain). Without a work area ({@code set WORKAREASIZE 0}) OpenOCD programs
 * flash with half-word writes and BSY polling, which the simulator models (facts §B.4, §D.12).
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenOcdConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenStLinkBehindStlinkServer_whenOpenOcdFlashesWithoutWorkArea_thenWrittenAndVerified() throws Exception {
        flashAndVerify("OpenOCD hla_stlink_backend tcp (ST-Link emulator)",
                server -> SimEmulators.stLinkServer(server.chip(), System.out), OpenOcd::stLinkTcp);
    }

    @Test
    void givenJtagChainBehindRemoteBitbang_whenOpenOcdFlashesWithoutWorkArea_thenWrittenAndVerified() throws Exception {
        flashAndVerify("OpenOCD remote_bitbang (JTAG-DP + boundary scan)",
                server -> SimEmulators.jtagBitbang(server.chip()), OpenOcd::remoteBitbang);
    }

    /**
     * With its default 4 KB work area OpenOCD's stm32f1x driver copies a flash loader to SRAM, starts
     * the core on it and waits for the core to halt on the loader's final BKPT. The simulator models
     * the debug view of the core, not instruction execution (DESIGN §3), so the core never halts:
     * OpenOCD gives up with "timeout waiting for algorithm" and a failed write. What this test holds
     * the simulator to: the client ends with that clear error (no hang on either side), and the same
     * server then serves the next OpenOCD, which flashes without a work area.
     */
    @Test
    void givenDefaultWorkAreaOverStLink_whenOpenOcdRunsItsLoader_thenItFailsClearlyAndTheServerStaysUsable()
            throws Exception {
        loaderTimesOutClearly("OpenOCD hla_stlink_backend tcp with a work area (loader on the core)",
                server -> SimEmulators.stLinkServer(server.chip(), System.out), OpenOcd::stLinkTcp);
    }

    @Test
    void givenDefaultWorkAreaOverJtag_whenOpenOcdRunsItsLoader_thenItFailsClearlyAndTheServerStaysUsable()
            throws Exception {
        loaderTimesOutClearly("OpenOCD remote_bitbang with a work area (loader on the core)",
                server -> SimEmulators.jtagBitbang(server.chip()), OpenOcd::remoteBitbang);
    }

    /**
     * With its default 4 KB work area OpenOCD's stm32f1x driver copies a flash loader to SRAM, starts
     * the core on it and waits for the core to halt on the loader's final BKPT. The simulator models
     * the debug view of the core, not instruction execution (DESIGN §3), so the core never halts:
     * OpenOCD gives up with "timeout waiting for algorithm" and a failed write. What this holds the
     * simulator to: the client ends with that clear error (no hang on either side), and the same
     * server then serves the next OpenOCD, which flashes without a work area.
     */
    private void loaderTimesOutClearly(String client, Function<SimServer, StreamService> frontEnd,
                                       Function<Integer, List<String>> adapter) throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport(client);
        byte[] firmware = TestFirmware.bytes();
        String fw = TestFirmware.writeBin(dir).getFileName().toString();
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            int port = server.serveTcp("openocd", 0, frontEnd.apply(server));
            Flow flow = new Flow(report, server, dir);

            ExternalClient.Run loader = flow.run(ExternalClient.DEFAULT_TIMEOUT,
                    r -> !r.timedOut() && r.exitCode() != 0 && r.output().contains("timeout waiting for algorithm"),
                    OpenOcd.flashFlow(adapter.apply(port), null, fw));
            assertThat(loader.timedOut()).as(loader.describe()).isFalse();
            assertThat(loader.exitCode()).as(loader.describe()).isNotZero();
            assertThat(loader.output()).as(loader.describe()).contains("timeout waiting for algorithm");
            report.note("expected: the sim's core does not execute the loader; OpenOCD reports the algorithm timeout");

            flow.expect(OpenOcd.flashFlow(adapter.apply(port), "0", fw),
                    "verified " + firmware.length + " bytes");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            throw e;
        } finally {
            report.publish();
        }
    }

    private void flashAndVerify(String client, Function<SimServer, StreamService> frontEnd,
                                Function<Integer, List<String>> adapter) throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport(client);
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        String fw = TestFirmware.writeBin(dir).getFileName().toString();
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcp("openocd", 0, frontEnd.apply(server));
            Flow flow = new Flow(report, server, dir);

            flow.expect(OpenOcd.flashFlow(adapter.apply(port), "0", fw),
                    "wrote " + firmware.length + " bytes from file " + fw,
                    "verified " + firmware.length + " bytes");

            server.saveState();
            assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                    .as("blueflash read of the state file after OpenOCD").isEqualTo(firmware);
            report.note("blueflash --probe sim --sim-state FILE read: " + firmware.length + " bytes identical");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            throw e;
        } finally {
            report.publish();
        }
    }
}
