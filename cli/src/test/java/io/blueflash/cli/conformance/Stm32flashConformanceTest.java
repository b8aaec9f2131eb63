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
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static io.blueflash.cli.conformance.Flow.cmd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * stm32flash 0.7, unmodified, against the simulated AN3155 bootloader (facts §E) on a socat pty pair,
 * in 8N1 because ptys refuse parity (conformance.md): identify, write with verify, read back, erase.
 */
@Tag("conformance")
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Stm32flashConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenBootloaderOnPty_whenStm32flashIdentifiesWritesReadsAndErases_thenFlashFollows() throws Exception {
        ExternalClient.assumeInstalled("stm32flash", "stm32flash");
        ExternalClient.assumeInstalled("socat", "socat");
        ConformanceReport report = new ConformanceReport("stm32flash (AN3155 bootloader, socat pty, -m 8n1)");
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        Path fw = TestFirmware.writeBin(dir);
        try (SocatPty pty = SocatPty.start(dir);
             SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            server.servePty("bootloader", pty.deviceEnd(), SimEmulators.bootloader(server.chip(), 115_200));
            Flow flow = new Flow(report, server, dir);
            String port = pty.hostEnd().toString();

            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", port),
                    "0x0410", "Medium-density");
            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", "-w", fw.getFileName().toString(), "-v", port),
                    "Wrote and verified");
            Path out = dir.resolve("out.bin");
            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", "-r", out.getFileName().toString(), port), "Done");
            byte[] readBack = Files.readAllBytes(out);
            assertThat(Arrays.copyOf(readBack, firmware.length)).as("stm32flash -r").isEqualTo(firmware);
            assertThat(readBack.length).as("whole flash read").isGreaterThanOrEqualTo(64 * 1024);

            server.saveState();
            assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                    .as("blueflash read of the state file after stm32flash -w").isEqualTo(firmware);
            report.note("blueflash --probe sim --sim-state FILE read after write: " + firmware.length + " bytes identical");

            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", "-o", port), "Erasing flash");
            server.saveState();
            byte[] erased = new byte[firmware.length];
            Arrays.fill(erased, (byte) 0xFF);
            assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                    .as("blueflash read after stm32flash -o").isEqualTo(erased);
            report.note("blueflash --probe sim --sim-state FILE read after erase: all 0xFF");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    /**
     * The board around the bootloader (issue 13 items 8, 9), driven through {@code sim serve}'s control
     * channel: {@code stm32flash -R} resets the chip and, BOOT0 still high, the bootloader answers the
     * next stm32flash; a host at another rate than the one the bootloader locked to gets no answer until
     * a reset; a rate outside AN3155's range is served with a warning; BOOT0 low and a reset run the
     * firmware from flash.
     */
    @Test
    void givenBootloaderWithControlChannel_whenResetBaudAndBoot0AreDriven_thenTheChipActsAsTheBoard() throws Exception {
        ExternalClient.assumeInstalled("stm32flash", "stm32flash");
        ExternalClient.assumeInstalled("socat", "socat");
        ConformanceReport report = new ConformanceReport("stm32flash with the board control channel (reset, BOOT0, baud)");
        Path bin = Files.copy(FirmwareBuild.app("blink", "bin"), dir.resolve("blink.bin"), StandardCopyOption.REPLACE_EXISTING);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        io.blueflash.sim.bootloader.HostLine line = new io.blueflash.sim.bootloader.HostLine(115_200);
        try (SocatPty pty = SocatPty.start(dir);
             SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"),
                     new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
             RunningFirmware running = RunningFirmware.watch(server.chip())) {
            server.servePty("bootloader", pty.deviceEnd(), SimEmulators.bootloader(server, line, server.logStream(), null));
            int control = server.serveControl(0, new io.blueflash.sim.serve.ControlChannel(server, line,
                    io.blueflash.sim.serve.ControlChannel.Wiring.USUAL)::serve);
            Flow flow = new Flow(report, server, dir);
            String port = pty.hostEnd().toString();

            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", "-w", bin.getFileName().toString(), "-v", "-R",
                    port), "Wrote and verified", "Reset done");
            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", port), "0x0410");
            flow.note("after -R (SYSRESETREQ by stm32flash's code on the core), BOOT0 high: the bootloader answered again");

            assertThat(control(control, "baud 57600")).startsWith("ok");
            ExternalClient.Run locked = flow.run(Duration.ofSeconds(60), r -> !r.succeeded(),
                    "stm32flash", "-m", "8n1", "-b", "57600", port);
            assertThat(locked.succeeded()).as("a host at 57600 while the bootloader is locked to 115200: "
                    + locked.describe()).isFalse();
            assertThat(control(control, "reset")).startsWith("ok reset");
            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "57600", port), "0x0410");
            flow.note("locked to 115200 until reset: 57600 got no answer, then after a reset it locked to 57600");

            assertThat(control(control, "baud 230400")).startsWith("ok");
            assertThat(control(control, "reset")).startsWith("ok reset");
            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "230400", port), "0x0410");
            assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("outside the 1200-115200 baud");
            flow.note("230400 baud: served, with the server's warning that AN3155 specifies up to 115200");

            assertThat(control(control, "boot0 low")).contains("boot0 low");
            assertThat(control(control, "reset")).startsWith("ok reset");
            Thread.sleep(400); // wall time for the firmware to run: the chip follows the wall clock while idle
            assertThat(control(control, "status")).startsWith("ok");
            assertThat(running.pc13Edges()).as("blink from flash after BOOT0 low and a reset").isNotEmpty();
            flow.note("BOOT0 low + reset: the firmware in flash runs (" + running.pc13Edges().size() + " PC13 edges)");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    /** One line to the control channel, its one-line reply. */
    static String control(int port, String command) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((command + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    /**
     * {@code stm32flash -w blink.bin -g 0x08000000}: the bootloader's GO (AN3155 §3.5) starts the
     * firmware, which toggles PC13. The server's chip runs while its session waits for the pty; a
     * byte sent after a pause (ignored by the gone bootloader) ends that wait, so the chip's clock
     * catches up with the wall clock.
     */
    @Test
    void givenBootloaderOnPty_whenStm32flashWritesAndGoes_thenTheFirmwareRunsAndTogglesPc13() throws Exception {
        ExternalClient.assumeInstalled("stm32flash", "stm32flash");
        ExternalClient.assumeInstalled("socat", "socat");
        ConformanceReport report = new ConformanceReport("stm32flash -g (AN3155 GO starts the firmware)");
        Path bin = Files.copy(FirmwareBuild.app("blink", "bin"),
                dir.resolve("blink.bin"), StandardCopyOption.REPLACE_EXISTING);
        try (SocatPty pty = SocatPty.start(dir);
             SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out);
             RunningFirmware running = RunningFirmware.watch(server.chip())) {
            server.servePty("bootloader", pty.deviceEnd(), SimEmulators.bootloader(server.chip(), 115_200));
            Flow flow = new Flow(report, server, dir);
            String port = pty.hostEnd().toString();

            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", "-w", bin.getFileName().toString(), "-v",
                    "-g", "0x08000000", port), "Wrote and verified", "Starting execution at address 0x08000000... done.");
            Thread.sleep(400); // wall time for the chip to run: it follows the wall clock while it waits
            Files.write(pty.hostEnd(), new byte[] {0});
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.pc13Edges().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20); // waiting for the server thread to take the byte
            }

            assertThat(running.pc13Edges()).as("PC13 edges after GO").isNotEmpty();
            report.note("after GO: " + running.pc13Edges().size() + " PC13 edge(s), first " + running.pc13Edges().get(0));
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }
}
