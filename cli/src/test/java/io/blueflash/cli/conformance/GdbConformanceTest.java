package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.blueflash.cli.conformance.Flow.cmd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * gdb-multiarch 13, unmodified, against the Black Magic Probe GDB server emulator (facts §F) on TCP:
 * and on a socat pty: extended-remote, {@code monitor swd_scan}, {@code attach 1}, {@code load} (flash through the memory
 * map and vFlash packets), {@code compare-sections}.
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GdbConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenBlackMagicProbeOnTcp_whenGdbLoadsAnElf_thenCompareSectionsMatches() throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        loadAndCompare("gdb-multiarch (Black Magic Probe GDB server, TCP)", null);
    }

    @Test
    void givenBlackMagicProbeOnPty_whenGdbLoadsAnElf_thenCompareSectionsMatches() throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ExternalClient.assumeInstalled("socat", "socat");
        try (SocatPty pty = SocatPty.start(dir)) {
            loadAndCompare("gdb-multiarch (Black Magic Probe GDB server, socat pty)", pty);
        }
    }

    /**
     * The monitor commands a {@code .gdbinit} for a BMP commonly holds (issue 13 item 6), as unmodified gdb
     * sends them: each answered as BMP firmware answers it, an unknown one refused as gdb expects.
     */
    @Test
    void givenBlackMagicProbeOnTcp_whenGdbinitMonitorCommandsRun_thenEachIsAnsweredAsBmpDoes() throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ConformanceReport report = new ConformanceReport("gdb-multiarch monitor commands of a .gdbinit (BMP, TCP)");
        byte[] firmware = TestFirmware.bytes();
        Path elf = TestFirmware.writeElf(dir);
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            int port = server.serveTcp("bmp", 0, SimEmulators.blackMagicProbe(server));
            Flow flow = new Flow(report, server, dir);

            ExternalClient.Run run = flow.expect(cmd("gdb-multiarch", "-nx", "-batch",
                            "-ex", "set confirm off",
                            "-ex", "target extended-remote localhost:" + port,
                            "-ex", "monitor tpwr enable",
                            "-ex", "monitor frequency 1M",
                            "-ex", "monitor jtag_scan",
                            "-ex", "monitor auto_scan",
                            "-ex", "monitor frobnicate",
                            "-ex", "attach 1",
                            "-ex", "load",
                            "-ex", "monitor erase_mass",
                            "-ex", "x/2wx 0x08000000",
                            "-ex", "monitor option 0x1FFFF804 0x00FE",
                            "-ex", "set mem inaccessible-by-default off", // the option bytes are not in BMP's memory map
                            "-ex", "x/4hx 0x1FFFF800",
                            "-ex", "kill",
                            elf.getFileName().toString()),
                    "Target already powered (3.3V)", "Current SWJ freq 1000000Hz", "JTAG-DP IDCODE 0x3BA00477",
                    "STM32F1 medium density", "Target does not support this command.",
                    "0x1FFFF804: 0x01FE");
            assertThat(run.output()).as("flash after monitor erase_mass")
                    .containsPattern("0x8000000:\\s+0xffffffff\\s+0xffffffff");
            assertThat(run.output()).as("gdb's own read of the option bytes")
                    .containsPattern("0x1ffff800:\\s+0x5aa5\\s+0x00ff\\s+0x01fe\\s+0x00ff");
            assertThat(firmware).isNotEmpty();
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    private void loadAndCompare(String client, SocatPty pty) throws Exception {
        ConformanceReport report = new ConformanceReport(client);
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        Path elf = TestFirmware.writeElf(dir);
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            String target;
            if (pty == null) {
                target = "localhost:" + server.serveTcp("bmp", 0, SimEmulators.blackMagicProbe(server.chip()));
            } else {
                server.servePty("bmp", pty.deviceEnd(), SimEmulators.blackMagicProbe(server.chip()));
                target = pty.hostEnd().toString();
            }
            Flow flow = new Flow(report, server, dir);

            ExternalClient.Run run = flow.expect(cmd("gdb-multiarch", "-nx", "-batch",
                            "-ex", "set confirm off",
                            "-ex", "target extended-remote " + target,
                            "-ex", "monitor swd_scan",
                            "-ex", "attach 1",
                            "-ex", "load",
                            "-ex", "compare-sections",
                            "-ex", "kill",
                            elf.getFileName().toString()),
                    "Loading section .text", "Section .text, range 0x8000000 -- 0x8000c64: matched.");
            assertThat(run.output()).doesNotContain("MIS-MATCHED");

            server.saveState();
            assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                    .as("blueflash read of the state file after gdb load").isEqualTo(firmware);
            report.note("blueflash --probe sim --sim-state FILE read: " + firmware.length + " bytes identical");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
