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
     * With its default 4 KB work area OpenOCD's stm32f1x driver copies its async flash loader to
     * SRAM, starts the core on it, streams the image through the loader's FIFO and waits for the
     * loader's final BKPT; verify_image runs OpenOCD's CRC algorithm on the core too. The simulated
     * core executes both (facts §6.1). The same server then serves an OpenOCD without a work area.
     */
    @Test
    void givenDefaultWorkAreaOverStLink_whenOpenOcdRunsItsLoaderOnTheCore_thenWrittenAndVerified()
            throws Exception {
        loaderRunsOnTheCore("OpenOCD hla_stlink_backend tcp with a work area (loader on the core)",
                server -> SimEmulators.stLinkServer(server.chip(), System.out), OpenOcd::stLinkTcp);
    }

    @Test
    void givenDefaultWorkAreaOverJtag_whenOpenOcdRunsItsLoaderOnTheCore_thenWrittenAndVerified()
            throws Exception {
        loaderRunsOnTheCore("OpenOCD remote_bitbang with a work area (loader on the core)",
                server -> SimEmulators.jtagBitbang(server.chip()), OpenOcd::remoteBitbang);
    }

    private void loaderRunsOnTheCore(String client, Function<SimServer, StreamService> frontEnd,
                                     Function<Integer, List<String>> adapter) throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport(client);
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        String fw = TestFirmware.writeBin(dir).getFileName().toString();
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcp("openocd", 0, frontEnd.apply(server));
            Flow flow = new Flow(report, server, dir);

            flow.expect(OpenOcd.flashFlow(adapter.apply(port), null, fw),
                    "wrote " + firmware.length + " bytes from file " + fw,
                    "verified " + firmware.length + " bytes");
            report.note("OpenOCD's async loader and CRC algorithm ran on the simulated core");

            flow.expect(OpenOcd.flashFlow(adapter.apply(port), "0", fw),
                    "verified " + firmware.length + " bytes");
            server.saveState();
            assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                    .as("blueflash read of the state file after OpenOCD").isEqualTo(firmware);
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
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
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
