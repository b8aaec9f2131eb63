package io.blueflash.cli.conformance;

import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code blueflash write blink.elf --reset} through {@code sim serve}'s stlink-server: after the
 * write, the reset (AIRCR.SYSRESETREQ with VC_CORERESET disarmed) lets the firmware start from its
 * reset vector, and blink toggles PC13 (issue 10: "--reset starts the firmware, a GPIO edge appears").
 * The server's chip runs through the wall time no session holds it, which the next session brings in.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlueflashResetStartsFirmwareConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenStlinkServer_whenBlueflashWritesBlinkWithReset_thenTheFirmwareRunsAndTogglesPc13() throws Exception {
        ConformanceReport report = new ConformanceReport("blueflash write --reset (the firmware starts)");
        Path elf = Files.copy(FirmwareBuild.app("blink", "elf"), dir.resolve("blink.elf"),
                StandardCopyOption.REPLACE_EXISTING);
        StLinkPersonality personality = StLinkPersonality.v2();
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out);
             RunningFirmware running = RunningFirmware.watch(server.chip())) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), personality, System.out));
            Flow flow = new Flow(report, server, dir);
            String probe = "stlink-server:127.0.0.1:" + port + ":" + personality.serial();

            ExternalClient.Run write = flow.blueflash(r -> r.exitCode() == 0, VirtualStLinkBlueflashConformanceTest
                    .withProbe(probe, "write", elf.toString(), "--reset"));
            assertThat(write.exitCode()).as(write.describe()).isZero();
            Thread.sleep(400); // wall time the chip spends running: the next session brings it in
            ExternalClient.Run info = flow.blueflash(r -> r.exitCode() == 0,
                    VirtualStLinkBlueflashConformanceTest.withProbe(probe, "info", "chipid"));
            assertThat(info.exitCode()).as(info.describe()).isZero();

            assertThat(running.pc13Edges()).as("blink toggles PC13 after --reset").isNotEmpty();
            report.note("after --reset: " + running.pc13Edges().size() + " PC13 edge(s), first "
                    + running.pc13Edges().get(0));
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
