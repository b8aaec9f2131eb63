package io.blueflash.cli.conformance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code blueflash sim serve} as a tool (issue 13 items 10, 11): started as a user starts it, used by
 * unmodified gdb-multiarch sessions, stopped by a signal. The summary comes on SIGTERM and Ctrl-C
 * (SIGINT) as at end of input, as one JSON document under {@code --json}; it counts each gdb session
 * once; {@code --flash=128k} is the flash gdb's memory map shows; the state is saved when a session
 * ends (detach), before the server stops.
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServeAsToolConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenServeWithJsonAndFlash128k_whenTwoGdbSessionsThenSigterm_thenJsonSummaryCountsTwoAndTheChipHas128k()
            throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ConformanceReport report = new ConformanceReport("sim serve as a tool: --json, --flash=128k, SIGTERM (gdb-multiarch, BMP on TCP)");
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        Path elf = TestFirmware.writeElf(dir);
        try (ServeProcess serve = ServeProcess.start(dir, "--json", "--flash=128k", "sim", "serve",
                "--profile", "stm32f103c8", "--state", state.toString(), "--bmp-tcp", "0", "--ignore-stdin")) {
            String target = "target extended-remote localhost:" + serve.port();
            ExternalClient.Run first = gdb(report, "Loading section .text", "-ex", target, "-ex", "monitor swd_scan",
                    "-ex", "attach 1", "-ex", "info mem", "-ex", "load", "-ex", "detach", elf.getFileName().toString());
            assertThat(first.output()).as("gdb's view of the memory map").contains("0x08000000 0x08020000 flash");

            assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                    .as("state file right after the gdb session detached, server still running").isEqualTo(firmware);
            report.note("state file read while serving, right after detach: " + firmware.length + " bytes identical");

            gdb(report, "matched", "-ex", target, "-ex", "monitor swd_scan", "-ex", "attach 1",
                    "-ex", "compare-sections", "-ex", "kill", elf.getFileName().toString());

            assertThat(serve.stop("TERM")).as("exit code after SIGTERM").isIn(0, 143);
            List<String> stdout = serve.stdoutLines();
            report.note("stdout after SIGTERM: " + String.join(" | ", stdout));
            assertThat(stdout).as("stdout under --json: one JSON document").hasSize(1);
            assertThat(stdout.get(0)).startsWith("{").endsWith("}")
                    .contains("\"sessions\":2", "\"flashBytes\":131072", "\"profile\":\"stm32f103c8\"",
                            "\"waitingForClientNanos\":");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    @Test
    void givenServe_whenGdbSessionThenCtrlC_thenTheTextSummaryCountsOneSession() throws Exception {
        ExternalClient.assumeInstalled("gdb-multiarch", "gdb-multiarch");
        ConformanceReport report = new ConformanceReport("sim serve as a tool: Ctrl-C (SIGINT) summary (gdb-multiarch)");
        Path state = dir.resolve("chip.sim");
        try (ServeProcess serve = ServeProcess.start(dir, "sim", "serve", "--profile", "stm32f103zg",
                "--state", state.toString(), "--bmp-tcp", "0", "--ignore-stdin")) {
            gdb(report, "STM32F1", "-ex", "target extended-remote localhost:" + serve.port(), "-ex", "monitor swd_scan",
                    "-ex", "attach 1", "-ex", "detach");

            serve.stop("INT");
            String stdout = serve.stdout();
            report.note("stdout after SIGINT: " + stdout.replace('\n', '|'));
            assertThat(stdout).contains("stopped after 1 client session(s)", "bmp: client session 1:",
                    "ms waiting for the client");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    private ExternalClient.Run gdb(ConformanceReport report, String expected, String... exArgs) throws Exception {
        String[] command = new String[exArgs.length + 5];
        command[0] = "gdb-multiarch";
        command[1] = "-nx";
        command[2] = "-batch";
        command[3] = "-ex";
        command[4] = "set confirm off";
        System.arraycopy(exArgs, 0, command, 5, exArgs.length);
        ExternalClient.Run run = ExternalClient.run(dir, Duration.ofSeconds(120), List.of(command));
        boolean passed = run.succeeded() && run.output().contains(expected);
        report.record(run, 0, passed);
        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.output()).as(run.describe()).contains(expected);
        return run;
    }
}
