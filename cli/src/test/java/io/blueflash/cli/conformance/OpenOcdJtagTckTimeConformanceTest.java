package io.blueflash.cli.conformance;

import io.blueflash.sim.jtag.TckClock;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenOCD 0.12 over remote_bitbang (issue 13 item 2): the server's simulated time for the session is
 * the TCK cycles OpenOCD clocked, each at the served adapter speed ({@code sim serve --jtag-khz}).
 * The chip's clock is kept still while OpenOCD computes ({@code --no-wall-clock}), so nothing but
 * what the front end and the chip charge passes.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenOcdJtagTckTimeConformanceTest {

    /** What else the chip may charge in such a session besides TCK cycles (none seen: reads stall nothing). */
    private static final long OTHER_CHARGES_NANOS = 1_000_000;

    @TempDir
    Path dir;

    private record Session(long tckCycles, long simulatedNanos) {
    }

    private Session run(ConformanceReport report, int tckKhz) throws Exception {
        long hz = tckKhz * 1000L;
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip-" + tckKhz + ".sim"), System.out)) {
            server.setClientWaitsCharged(false);
            TckClock tck = new TckClock(server.chip().clock(), hz);
            int port = server.serveTcp("remote_bitbang", 0, SimEmulators.jtagBitbang(server.chip(), tck));
            Flow flow = new Flow(report, server, dir);
            flow.expect(OpenOcd.commands(OpenOcd.remoteBitbang(port), "init", "reset halt", "mdw 0x08000000 256"),
                    "0x08000000: ");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.sessionReports().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10); // the session's thread notices OpenOCD's 'Q' / disconnect
            }
            assertThat(server.sessionReports()).as("one remote_bitbang session").hasSize(1);
            Session session = new Session(tck.cycles(), server.sessionReports().get(0).simulatedNanos());
            flow.note(String.format(Locale.ROOT, "TCK %d kHz: %d TCK cycles, session %.3f ms simulated",
                    tckKhz, session.tckCycles(), session.simulatedNanos() / 1e6));
            return session;
        }
    }

    @Test
    void givenTckPricedAtTheAdapterSpeed_whenOpenOcdReadsFlash_thenSessionTimeIsItsTckCyclesAtThatSpeed() throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport("OpenOCD remote_bitbang: simulated time from TCK cycles");
        try {
            Session fast = run(report, 1000);
            Session slow = run(report, 250);

            for (Session s : List.of(fast, slow)) {
                assertThat(s.tckCycles()).as("OpenOCD clocked a JTAG session").isGreaterThan(10_000);
            }
            long fastTck = fast.tckCycles() * 1_000;
            long slowTck = slow.tckCycles() * 4_000;
            assertThat(fast.simulatedNanos()).as("at 1 MHz: %d cycles x 1 us", fast.tckCycles())
                    .isBetween(fastTck, fastTck + OTHER_CHARGES_NANOS);
            assertThat(slow.simulatedNanos()).as("at 250 kHz: %d cycles x 4 us", slow.tckCycles())
                    .isBetween(slowTck, slowTck + OTHER_CHARGES_NANOS);
            report.note("each session's simulated time = its TCK cycles / TCK rate (within "
                    + OTHER_CHARGES_NANOS / 1_000_000 + " ms of other charges)");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
