package io.blueflash.cli.conformance;

import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.serve.StreamService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenOCD 0.12, unmodified, with its DEFAULT work area (4 KB of SRAM, {@code target/stm32f1x.cfg}):
 * {@code program blink.elf verify reset exit} copies OpenOCD's flash loader (facts §6.1) into SRAM
 * and runs it on the simulated core, verifies with its CRC-32 loader, then resets the chip, after which
 * the firmware starts blinking (PC13 edges). Once over its ST-Link driver (stlink-server protocol),
 * once over remote_bitbang JTAG, where OpenOCD's own reset (resume onto the CRC loader's BKPT, then
 * AIRCR.SYSRESETREQ) only starts the firmware because a system reset clears DHCSR.C_HALT (Cortex-M3
 * TRM). The firmware is {@code firmware/apps/blink.c}, built by the test run.
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenOcdWorkAreaConformanceTest {

    /** Published real-board figures for a 64 KB write with OpenOCD on a Blue Pill (issue 10). */
    static final double REAL_BOARD_KIB_S_MASS_ERASE = 47.0;
    static final double REAL_BOARD_KIB_S_PAGE_ERASE = 17.6;

    @TempDir
    Path dir;

    @Test
    void givenDefaultWorkAreaOverStLink_whenOpenOcdProgramsVerifiesAndResets_thenItsLoadersRunAndBlinkStarts()
            throws Exception {
        programVerifyReset("OpenOCD hla_stlink_backend tcp, default work area (loader + CRC on the core)",
                server -> SimEmulators.stLinkServer(server.chip(), System.out), OpenOcd::stLinkTcp);
    }

    @Test
    void givenDefaultWorkAreaOverJtag_whenOpenOcdProgramsVerifiesAndResets_thenItsLoadersRunAndBlinkStarts()
            throws Exception {
        programVerifyReset("OpenOCD remote_bitbang, default work area (loader + CRC on the core)",
                server -> SimEmulators.jtagBitbang(server.chip()), OpenOcd::remoteBitbang);
    }

    @Test
    void givenDefaultWorkAreaOverStLink_whenOpenOcdWrites64KiB_thenTheSimulatedSpeedIsReportedBesideTheRealBoard()
            throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport("OpenOCD 64 KiB write speed (ST-Link, default work area)");
        byte[] image = TestFirmware.random(64 * 1024);
        Path bin = Files.write(dir.resolve("fw64k.bin"), image);
        Path state = dir.resolve("chip.sim");
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcp("openocd", 0, SimEmulators.stLinkServer(server.chip(), System.out));
            Flow flow = new Flow(report, server, dir);
            String name = bin.getFileName().toString();

            long baseline = simulated(server, flow, OpenOcd.timedWrite(OpenOcd.stLinkTcp(port), null, false));
            long massErase = simulated(server, flow, OpenOcd.timedWrite(OpenOcd.stLinkTcp(port), name, true),
                    "wrote 65536 bytes from file " + name);
            long pageErase = simulated(server, flow, OpenOcd.timedWrite(OpenOcd.stLinkTcp(port), name, false),
                    "wrote 65536 bytes from file " + name);

            server.saveState();
            assertThat(BlueflashRead.flash(state, "stm32f103c8", image.length)).isEqualTo(image);
            report.note(String.format("64 KiB after mass erase: %.1f KiB/s simulated (real Blue Pill: %.1f KiB/s)",
                    kibPerSecond(massErase - baseline), REAL_BOARD_KIB_S_MASS_ERASE));
            report.note(String.format("64 KiB with page erase: %.1f KiB/s simulated (real Blue Pill: %.1f KiB/s)",
                    kibPerSecond(pageErase - baseline), REAL_BOARD_KIB_S_PAGE_ERASE));
            report.note("simulated = (OpenOCD run with the write) - (the same run without it); the chip's clock runs at"
                    + " wall speed while OpenOCD itself computes, so host load shows in these figures");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    private static long simulated(SimServer server, Flow flow, String[] command, String... expected) throws Exception {
        long before = server.simulatedNanos();
        flow.expect(command, expected);
        return server.simulatedNanos() - before;
    }

    private static double kibPerSecond(long nanos) {
        return 64.0 / (nanos / 1e9);
    }

    private void programVerifyReset(String client, Function<SimServer, StreamService> frontEnd,
                                    Function<Integer, List<String>> adapter) throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport(client);
        Path state = dir.resolve("chip.sim");
        Path elf = Files.copy(FirmwareBuild.app("blink", "elf"), dir.resolve("blink.elf"), StandardCopyOption.REPLACE_EXISTING);
        byte[] bin = Files.readAllBytes(FirmwareBuild.app("blink", "bin"));
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out);
             RunningFirmware running = RunningFirmware.watch(server.chip())) {
            int port = server.serveTcp("openocd", 0, frontEnd.apply(server));
            Flow flow = new Flow(report, server, dir);

            flow.expect(OpenOcd.program(adapter.apply(port), elf.getFileName().toString()),
                    "** Programming Finished **", "** Verified OK **", "** Resetting Target **");
            flow.expect(OpenOcd.watchRunning(adapter.apply(port), 400));
            assertThat(running.pc13Edges()).as("blink toggles PC13 once the reset let it run").isNotEmpty();
            report.note("after reset: " + running.pc13Edges().size() + " PC13 edge(s), first "
                    + running.pc13Edges().get(0));
            server.saveState();
            assertThat(BlueflashRead.flash(state, "stm32f103c8", bin.length))
                    .as("blueflash read of the state file after OpenOCD program").isEqualTo(bin);
            report.note("blueflash --probe sim --sim-state FILE read: " + bin.length + " bytes of blink.bin identical");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
