package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unmodified stlink-tools 1.7.0 (Debian: {@code st-info}, {@code st-flash}) through the virtual ST-Link
 * (LD_PRELOAD) into {@code sim serve}'s ST-Link emulator: every line of the stlink tutorial, with what
 * they wrote or erased read back by blueflash from the simulator's state file.
 *
 * <p>{@code st-flash write} on an STM32F1 always runs its flash loader in SRAM (facts §D.11): it starts
 * the core and waits for it to halt on the loader's BKPT. The simulated core executes the loader, so
 * every write line ends with st-flash's own verification.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualStLinkStFlashConformanceTest {

    static final String JOLLY_GOOD = "Flash written and verified! jolly good!";
    static final String LOADER_WALL_TIMEOUT = "Flash loader run error";

    @TempDir
    Path dir;

    @Test
    void givenVirtualStLink_whenStInfoProbes_thenItReportsTheProbeAndTheChip() throws Exception {
        StLinkPersonality probe = StLinkPersonality.v2();
        withServer("st-info through the virtual ST-Link", probe, (server, flow) ->
                flow.expect(Flow.cmd("st-info", "--probe"), "Found 1 stlink programmers", "V2J29S7",
                        "serial:     " + probe.serial(), "chipid:     0x0410", "flash:      65536 (pagesize: 1024)"));
    }

    @Test
    void givenV21AndV3VirtualProbes_whenStInfoProbesAndStFlashReadsBySerial_thenBothAreListedAndTheChosenOneRead()
            throws Exception {
        ExternalClient.assumeInstalled("st-flash", "stlink-tools");
        StLinkPersonality v21 = StLinkPersonality.v21();
        StLinkPersonality v3 = StLinkPersonality.v3();
        ConformanceReport report = new ConformanceReport("st-info and st-flash --serial with two virtual ST-Links");
        try (SimServer a = SimServer.open("stm32f103c8", dir.resolve("a.sim"), System.out);
             SimServer b = SimServer.open("stm32f103cb", dir.resolve("b.sim"), System.out)) {
            int portA = a.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(a.chip(), v21, System.out));
            int portB = b.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(b.chip(), v3, System.out));
            Flow flow = new Flow(report, b, dir, VirtualStLink.environment(new VirtualStLink.Probe(v21, portA),
                    new VirtualStLink.Probe(v3, portB)));

            // a's chip is a C8 (64 KB), b's a CB (128 KB): what st-flash reports shows which chip it reached
            flow.expect(Flow.cmd("st-info", "--probe"), "Found 2 stlink programmers", "V2J37", "V3J7",
                    "serial:     " + v21.serial(), "serial:     " + v3.serial(), "flash:      65536",
                    "flash:      131072");
            flow.expect(Flow.cmd("st-flash", "--serial", v3.serial(), "read", "cb.bin", "0x08000000", "1024"),
                    "128 KiB flash");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        assertThat(Files.readAllBytes(dir.resolve("cb.bin"))).hasSize(1024).containsOnly((byte) 0xFF);
    }

    @Test
    void givenFirmwareWrittenByBlueflash_whenStFlashReadsAndErases_thenBytesMatchAndFlashIsBlank() throws Exception {
        StLinkPersonality probe = StLinkPersonality.v2();
        byte[] firmware = TestFirmware.bytes();
        TestFirmware.writeBin(dir);
        Path state = withServer("st-flash read and erase through the virtual ST-Link", probe, (server, flow) -> {
            flow.expect(VirtualStLinkBlueflashConformanceTest.stlink("write", "fw.bin", "0x08000000"), "verified");
            flow.expect(Flow.cmd("st-flash", "read", "out.bin", "0x08000000", "4096"));
            byte[] read = Files.readAllBytes(dir.resolve("out.bin"));
            assertThat(read).hasSize(4096);
            assertThat(Arrays.copyOf(read, firmware.length)).as("st-flash read of what blueflash wrote").isEqualTo(firmware);
            assertThat(Arrays.copyOfRange(read, firmware.length, 4096)).containsOnly((byte) 0xFF);

            flow.expect(Flow.cmd("st-flash", "erase"), "Mass erasing");
        });
        assertThat(BlueflashRead.flash(state, "stm32f103c8", 4096)).as("flash after st-flash erase")
                .containsOnly((byte) 0xFF);
    }

    @Test
    void givenVirtualStLink_whenStFlashRunsTheTutorialWriteLines_thenItsLoaderRunsOnTheCoreAndEachWritesAndVerifies()
            throws Exception {
        byte[] firmware = TestFirmware.bytes();
        TestFirmware.writeBin(dir);
        TestFirmware.writeHex(dir);
        byte[] big = TestFirmware.bytes(100 * 1024);
        Files.write(dir.resolve("big.bin"), big);
        withServer("st-flash write lines through the virtual ST-Link", StLinkPersonality.v2(), (server, flow) -> {
            stFlashWrite(server, flow, firmware, "st-flash", "write", "fw.bin", "0x08000000");
            stFlashWrite(server, flow, firmware, "st-flash", "--reset", "write", "fw.bin", "0x08000000");
            stFlashWrite(server, flow, firmware, "st-flash", "--format", "ihex", "write", "fw.hex");
            // a C8 reports 64 KB; --flash=128k lets st-flash use the 128 KB most of them have (and the sim has)
            stFlashWrite(server, flow, big, "st-flash", "--flash=128k", "write", "big.bin", "0x8000000");

            // stlink-tools 1.7.0 itself refuses an option after the arguments (the tutorial's third form);
            // blueflash's ./st-flash accepts it (TutorialLinesEndToEndTest)
            ExternalClient.Run trailing = flow.run(ExternalClient.DEFAULT_TIMEOUT,
                    r -> r.exitCode() == 255 && r.output().contains("Expected args for this command: write <path> <addr>"),
                    Flow.cmd("st-flash", "write", "fw.bin", "0x8000000", "--reset"));
            assertThat(trailing.output()).as(trailing.describe())
                    .contains("Expected args for this command: write <path> <addr>");
            flow.note("st-flash 1.7.0 refuses 'write fw.bin 0x8000000 --reset' (options must come first)");
        });
    }

    /**
     * One write line on a blank chip: st-flash's own verdict, then blueflash reads back the image.
     * st-flash gives its loader 500 ms of wall time per page; a simulator JVM whose interpreter is not yet
     * compiled, on a loaded machine, can miss that once ("Flash loader run error"): such a line is run a
     * second time, and the first attempt stays in the report as a failure with a note.
     */
    private void stFlashWrite(SimServer server, Flow flow, byte[] image, String... line) throws Exception {
        flow.expect(Flow.cmd("st-flash", "erase"), "Mass erasing");
        ExternalClient.Run first = flow.run(ExternalClient.DEFAULT_TIMEOUT,
                r -> r.succeeded() && r.output().contains(JOLLY_GOOD), line);
        if (!first.succeeded() && first.output().contains(LOADER_WALL_TIMEOUT)) {
            flow.note("st-flash's loader missed its 500 ms wall-time budget (cold simulator JVM?); running it again");
            flow.expect(Flow.cmd("st-flash", "erase"), "Mass erasing");
            first = flow.expect(line, JOLLY_GOOD);
        }
        assertThat(first.succeeded()).as(first.describe()).isTrue();
        assertThat(first.output()).as(first.describe()).contains(JOLLY_GOOD);
        server.saveState();
        assertThat(BlueflashRead.flash(server.stateFile(), "stm32f103c8", image.length))
                .as("blueflash read after " + String.join(" ", line)).isEqualTo(image);
    }

    interface Steps {
        void run(SimServer server, Flow flow) throws Exception;
    }

    /** Runs {@code steps} against a fresh chip behind the virtual ST-Link; returns the state file, saved and closed. */
    private Path withServer(String client, StLinkPersonality probe, Steps steps) throws Exception {
        ExternalClient.assumeInstalled("st-flash", "stlink-tools");
        ConformanceReport report = new ConformanceReport(client);
        Path state = dir.resolve("chip.sim");
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), probe, System.out));
            steps.run(server, new Flow(report, server, dir,
                    VirtualStLink.environment(new VirtualStLink.Probe(probe, port))));
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        return state;
    }
}
