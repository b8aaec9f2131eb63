package io.blueflash.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * gdb-multiarch through {@code blueflash gdb-server} on an ST-Link (the ST-Link emulator behind the
 * stlink-server protocol, {@code --probe stlink-server:HOST:PORT}): the server's run control and flash
 * load over the ST-Link's own debug-register and memory commands, not the simulator's SW-DP, as on a
 * real ST-Link.
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GdbServerStLinkConformanceTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void givenAnStLink_whenGdbLoadsBreaksStepsAndWatchesThroughBlueflashGdbServer_thenItSeesTheFirmwareAsOnABoard()
            throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ConformanceReport report = new ConformanceReport("gdb-multiarch through blueflash gdb-server on an ST-Link (stlink-server emulator)");
        Path elf = Files.copy(FirmwareBuild.app("gdbtest", "elf"), dir.resolve("gdbtest.elf"),
                StandardCopyOption.REPLACE_EXISTING);
        Process gdbServer = null;
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            int stlink = server.serveTcp("stlink", 0, SimEmulators.stLinkServer(server.chip(), System.out));
            gdbServer = new ProcessBuilder(BlueflashProcess.command("--probe", "stlink-server:127.0.0.1:" + stlink,
                    "gdb-server", "--port", "0")).redirectError(dir.resolve("gdb-server.err").toFile()).start();
            String first = new BufferedReader(new InputStreamReader(gdbServer.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(first).as("gdb-server's first line; stderr: " + Files.readString(dir.resolve("gdb-server.err")))
                    .isNotNull().contains("probe stlink:");
            Matcher m = LISTENING.matcher(first);
            assertThat(m.find()).as(first).isTrue();

            Flow flow = new Flow(report, server, dir);
            ExternalClient.Run run = flow.expect(GdbDebugConformanceTest.gdb(elf, "target extended-remote localhost:" + m.group(1),
                    "load", "break main", "continue", "next", "next", "next", "step", "finish", "print local_total",
                    "watch watched_counter", "continue", "compare-sections", "detach"),
                    "Breakpoint 1, main ()", "hello from the Blue Pill: 2 + 3 = 5", "square_plus (value=5, extra=3)",
                    "Value returned is $1 = 28", "Hardware watchpoint 2: watched_counter", "Old value = 0",
                    "New value = 1", "matched.");
            assertThat(run.output()).doesNotContain("MIS-MATCHED");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            if (gdbServer != null) {
                gdbServer.destroy();
                gdbServer.waitFor(30, TimeUnit.SECONDS);
            }
            report.publish();
        }
    }
}
