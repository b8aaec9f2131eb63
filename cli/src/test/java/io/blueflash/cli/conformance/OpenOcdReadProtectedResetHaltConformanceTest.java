package io.blueflash.cli.conformance;

import io.blueflash.sim.chip.OptionBytes;
import io.blueflash.sim.chip.SimState;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.Stm32F103;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenOCD 0.12 {@code reset halt} on a read-protected chip (issue 13 item 3). With RDP set and a
 * debugger attached, the flash answers no read in debug mode (RM0008 §2.3.x read protection, PM0075
 * §2.4.1): the core's own reset fetch of SP and PC from the vector table gets a bus error, so it
 * never reaches the firmware and locks up. What OpenOCD then shows is what users report from real F1
 * parts: "current mode: Thread, xPSR: 0x01000000 pc: 0xfffffffe". It comes from the bus rules and the
 * core's lockup (PC reads 0xFFFFFFFE), not from a special case. The field reports also show MSP
 * 0xfffffffc (all-ones data with the error); the model leaves MSP at 0 (docs/conformance.md).
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenOcdReadProtectedResetHaltConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenReadProtectedChipOverJtag_whenOpenOcdResetsAndHalts_thenPcReadsFffffffeAsOnABoard() throws Exception {
        resetHalt("OpenOCD remote_bitbang, reset halt on a read-protected chip",
                server -> SimEmulators.jtagBitbang(server.chip()), OpenOcd::remoteBitbang);
    }

    @Test
    void givenReadProtectedChipOverStLink_whenOpenOcdResetsAndHalts_thenPcReadsFffffffeAsOnABoard() throws Exception {
        resetHalt("OpenOCD hla_stlink_backend tcp, reset halt on a read-protected chip",
                server -> SimEmulators.stLinkServer(server.chip(), System.out), OpenOcd::stLinkTcp);
    }

    private void resetHalt(String client, Function<SimServer, StreamService> frontEnd,
                           Function<Integer, List<String>> adapter) throws Exception {
        ExternalClient.assumeInstalled("openocd", "openocd");
        ConformanceReport report = new ConformanceReport(client);
        Path state = protectedBlink();
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            assertThat(server.chip().isReadProtected()).as("RDP in the option bytes").isTrue();
            int port = server.serveTcp("openocd", 0, frontEnd.apply(server));
            Flow flow = new Flow(report, server, dir);
            List<String> command = new ArrayList<>(adapter.apply(port));
            command.addAll(List.of("-c", "gdb_port disabled", "-c", "tcl_port disabled", "-c", "telnet_port disabled",
                    "-f", "target/stm32f1x.cfg", "-c", "init", "-c", "reset halt", "-c", "shutdown"));

            ExternalClient.Run run = flow.expect(command.toArray(String[]::new),
                    "current mode: Thread", "xPSR: 0x01000000 pc: 0xfffffffe");
            report.note("after reset halt: " + run.output().lines().filter(l -> l.contains("pc: ")).reduce((a, b) -> b)
                    .orElse("").trim());
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    /** A state file: blink in flash, option bytes with RDP set (any RDP byte but 0xA5 protects). */
    private Path protectedBlink() throws Exception {
        Stm32F103 chip = Stm32F103.create("stm32f103c8");
        SimState blank = chip.saveState();
        byte[] flash = blank.flash();
        byte[] image = Files.readAllBytes(FirmwareBuild.app("blink", "bin"));
        System.arraycopy(image, 0, flash, 0, image.length);
        byte[] options = blank.optionBytes();
        options[0] = 0x00;          // RDP: not the unprotected key
        options[1] = (byte) 0xFF;   // nRDP, its complement
        assertThat(OptionBytes.RDP_UNPROTECTED).isNotEqualTo(options[0] & 0xFF);
        Path state = dir.resolve("chip.sim");
        SimStateFile.write(state, new SimState(blank.profileName(), flash, options));
        return state;
    }
}
