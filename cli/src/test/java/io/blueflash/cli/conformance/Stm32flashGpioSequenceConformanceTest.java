package io.blueflash.cli.conformance;

import io.blueflash.sim.bootloader.HostLine;
import io.blueflash.sim.chip.BootMode;
import io.blueflash.sim.firmware.FirmwareBuild;
import io.blueflash.sim.serve.ControlChannel;
import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.blueflash.cli.conformance.Flow.cmd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * stm32flash 0.7's {@code -i} GPIO sequences (issue 13 item 8), unmodified: the modem-line shim
 * ({@code src/test/c/modem-lines}, LD_PRELOAD) gives the pty the RTS and DTR that stm32flash sets with
 * TIOCMGET/TIOCMSET, and passes them to {@code sim serve}'s control channel, wired as a board's
 * auto-boot circuit. The chip starts out running from flash (BOOT0 low), where no bootloader answers;
 * the entry sequence must raise BOOT0 and pulse NRST for stm32flash to find the bootloader, and the exit
 * sequence must lower BOOT0 and pulse NRST for the written firmware to run.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Stm32flashGpioSequenceConformanceTest {

    private static final PreloadLibrary MODEM_LINES = new PreloadLibrary("modem-lines", "src/test/c/modem-lines", "-ldl");

    @TempDir
    Path dir;

    private void enterWriteAndExit(String title, String wiring, String sequence) throws Exception {
        ExternalClient.assumeInstalled("stm32flash", "stm32flash");
        ExternalClient.assumeInstalled("socat", "socat");
        Path shim = MODEM_LINES.build();
        ConformanceReport report = new ConformanceReport(title);
        Path bin = Files.copy(FirmwareBuild.app("blink", "bin"), dir.resolve("blink.bin"), StandardCopyOption.REPLACE_EXISTING);
        HostLine line = new HostLine(115_200);
        try (SocatPty pty = SocatPty.start(dir);
             SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), new PrintStream(System.out, true));
             RunningFirmware running = RunningFirmware.watch(server.chip())) {
            server.servePty("bootloader", pty.deviceEnd(), SimEmulators.bootloader(server, line, server.logStream(), null));
            int control = server.serveControl(0, new ControlChannel(server, line, ControlChannel.Wiring.parse(wiring))::serve);
            Flow flow = new Flow(report, server, dir,
                    Map.of("LD_PRELOAD", shim.toString(), "BLUEFLASH_MODEM_CONTROL", Integer.toString(control)));
            String port = pty.hostEnd().toString();
            // given: the board runs from flash
            assertThat(Stm32flashConformanceTest.control(control, "boot0 low")).contains("boot0 low");
            assertThat(Stm32flashConformanceTest.control(control, "reset")).startsWith("ok reset");
            long resetsBefore = server.withChip(chip -> chip.resets());

            // when
            flow.expect(cmd("stm32flash", "-m", "8n1", "-b", "115200", "-i", sequence,
                    "-w", bin.getFileName().toString(), "-v", "-R", port), "Wrote and verified", "Reset done");

            // then
            long resets = server.withChip(chip -> chip.resets() - resetsBefore);
            assertThat(resets).as("one NRST pulse to enter the bootloader, one to leave it").isEqualTo(2);
            Thread.sleep(400); // wall time for the firmware to run: the chip follows the wall clock while idle
            assertThat(Stm32flashConformanceTest.control(control, "status")).as("the lines stm32flash left").contains("boot0 low", "nrst high");
            BootMode boot = server.withChip(chip -> chip.bootMode());
            assertThat(boot).isEqualTo(BootMode.MAIN_FLASH);
            assertThat(running.pc13Edges()).as("blink runs from flash after the exit sequence").isNotEmpty();
            flow.note("-i '" + sequence + "' with " + wiring + ": the bootloader answered after the entry sequence; "
                    + running.pc13Edges().size() + " PC13 edges after the exit sequence");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    @Test
    void givenDtrOnNrstAndRtsOnBoot0_whenStm32flashRunsItsGpioSequences_thenItWritesInTheBootloaderAndTheFirmwareRuns()
            throws Exception {
        enterWriteAndExit("stm32flash -i (modem-line shim, DTR to NRST, RTS to BOOT0)", "nrst=dtr,boot0=rts",
                "rts,dtr,-dtr:-rts,dtr,-dtr");
    }

    @Test
    void givenInvertedDtrOnNrst_whenStm32flashRunsTheMatchingGpioSequences_thenItWritesInTheBootloaderAndTheFirmwareRuns()
            throws Exception {
        enterWriteAndExit("stm32flash -i (modem-line shim, DTR inverted to NRST)", "nrst=!dtr,boot0=rts",
                "-dtr,rts,dtr:-rts,-dtr,dtr");
    }
}
