package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenOCD 0.12 over remote_bitbang after a bus fault (issue 13 item 1): a read of an unmapped
 * address sets CTRL/STAT.STICKYERR; OpenOCD clears it by writing 1 to it (ADIv5 JTAG-DP), so the
 * next read in the same session and the next session work as on a board.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenOcdJtagStickyErrorConformanceTest {

    @TempDir
    Path dir;

    private static String[] session(int port, String... commands) {
        List<String> c = new ArrayList<>(OpenOcd.remoteBitbang(port));
        c.addAll(List.of("-c", "gdb_port disabled", "-c", "tcl_port disabled", "-c", "telnet_port disabled",
                "-f", "target/stm32f1x.cfg", "-c", "init", "-c", "reset halt"));
        for (String command : commands) {
            c.addAll(List.of("-c", command));
        }
        c.addAll(List.of("-c", "shutdown"));
        return c.toArray(String[]::new);
    }

    @Test
    void givenReadOfUnmappedAddressOverJtag_whenOpenOcdReadsAgainAndReconnects_thenNoStickyErrorRemains()
            throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport("OpenOCD remote_bitbang after a bus fault");
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            int port = server.serveTcp("openocd", 0, SimEmulators.jtagBitbang(server.chip()));
            Flow flow = new Flow(report, server, dir);

            flow.expect(
                    session(port, "catch {mdw 0x30000000}", "mdw 0x20000000 2"), "0x20000000: ");
            ExternalClient.Run second = flow.expect(session(port, "mdw 0x20000000 2"), "0x20000000: ");

            assertThat(second.output()).as(second.describe()).doesNotContain("STICKY ERROR");
            report.note("bus fault over JTAG: STICKYERR cleared through CTRL/STAT; the next session starts clean");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
