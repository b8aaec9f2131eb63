package io.blueflash.cli.conformance;

import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gdb-multiarch 13, unmodified, debugs firmware on the executing simulated core, once through the
 * Black Magic Probe emulator's GDB server (TCP and a socat pty) and once through OpenOCD's gdb
 * server (OpenOCD started by gdb over a pipe, {@code gdb_port pipe}, talking to our ST-Link
 * emulator): load, {@code break main}, {@code continue}, {@code next}, {@code step}, {@code finish},
 * {@code print} a local, {@code watch} a global, {@code info registers}. The firmware is
 * {@code firmware/apps/debugme.c}, built -O0 -g by the test run.
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GdbDebugConformanceTest {

    @TempDir
    Path dir;

    /** The session after the connection: the same for every way in. */
    static final String[] SESSION = {"break main", "continue", "next", "step", "finish", "next",
        "print local_total", "watch watched_counter", "continue", "info registers"};
    static final String[] EXPECTED = {"Breakpoint 1, main ()", "square_plus (value=5, extra=3)",
        "Value returned is $1 = 28", "$2 = 28", "Hardware watchpoint 2: watched_counter"};

    @Test
    void givenBlackMagicProbeOnTcp_whenGdbBreaksStepsWatchesAndFinishes_thenItSeesTheFirmwareAsOnABoard()
            throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        debugThroughBlackMagicProbe("gdb-multiarch debugging through the Black Magic Probe emulator (TCP)", null);
    }

    @Test
    void givenBlackMagicProbeOnPty_whenGdbBreaksStepsWatchesAndFinishes_thenItSeesTheFirmwareAsOnABoard()
            throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ExternalClient.assumeInstalled("socat", "socat");
        try (SocatPty pty = SocatPty.start(dir)) {
            debugThroughBlackMagicProbe("gdb-multiarch debugging through the Black Magic Probe emulator (socat pty)", pty);
        }
    }

    private void debugThroughBlackMagicProbe(String client, SocatPty pty) throws Exception {
        ConformanceReport report = new ConformanceReport(client);
        Path elf = Files.copy(FirmwareBuild.app("debugme", "elf"), dir.resolve("debugme.elf"),
                StandardCopyOption.REPLACE_EXISTING);
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            String target;
            if (pty == null) {
                target = "localhost:" + server.serveTcp("bmp", 0, SimEmulators.blackMagicProbe(server.chip()));
            } else {
                server.servePty("bmp", pty.deviceEnd(), SimEmulators.blackMagicProbe(server.chip()));
                target = pty.hostEnd().toString();
            }
            Flow flow = new Flow(report, server, dir);
            List<String> commands = new ArrayList<>(List.of("target extended-remote " + target, "monitor swd_scan",
                    "attach 1", "load", "monitor reset"));
            commands.addAll(List.of(SESSION));
            commands.add("detach");

            ExternalClient.Run run = flow.expect(gdb(elf, commands.toArray(String[]::new)), EXPECTED);
            assertThat(run.output()).as("the probe names the watchpoint that fired (watch:ADDR in the stop reply)")
                    .contains("Old value = 0", "New value = 1");
            assertThat(run.output()).containsPattern("(?m)^pc\\s+0x8");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    @Test
    void givenOpenOcdGdbServer_whenGdbBreaksStepsWatchesAndFinishes_thenItSeesTheFirmwareAsOnABoard() throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport("gdb-multiarch through OpenOCD's gdb server (ST-Link emulator)");
        Path elf = Files.copy(FirmwareBuild.app("debugme", "elf"), dir.resolve("debugme.elf"),
                StandardCopyOption.REPLACE_EXISTING);
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            int port = server.serveTcp("openocd", 0, SimEmulators.stLinkServer(server.chip(), System.out));
            Flow flow = new Flow(report, server, dir);
            String openocd = "openocd -f interface/stlink.cfg -c \"hla_stlink_backend tcp " + port + "\""
                    + " -f target/stm32f1x.cfg -c \"gdb_port pipe\" -c \"log_output openocd.log\"";

            List<String> commands = new ArrayList<>(List.of("target extended-remote | " + openocd,
                    "monitor reset halt", "load"));
            commands.addAll(List.of(SESSION));
            commands.add("detach");

            ExternalClient.Run run = flow.expect(gdb(elf, commands.toArray(String[]::new)), EXPECTED);
            // OpenOCD 0.12's hla target has no hit_watchpoint: gdb sees the DWT halt as SIGTRAP after the write
            assertThat(run.output()).contains("main () at apps/debugme.c:21");
            assertThat(run.output()).containsPattern("(?m)^pc\\s+0x8");
            assertThat(run.output()).containsPattern("(?m)^sp\\s+0x2000");
            assertThat(run.output()).doesNotContain("unable to determine sp alias");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    /** gdb-multiarch -batch with one -ex per command, on {@code elf}. */
    static String[] gdb(Path elf, String... commands) {
        List<String> c = new ArrayList<>(List.of("gdb-multiarch", "-nx", "-batch",
                "-ex", "set confirm off", "-ex", "set pagination off"));
        for (String command : commands) {
            c.add("-ex");
            c.add(command);
        }
        c.add(elf.getFileName().toString());
        return c.toArray(String[]::new);
    }
}
