package io.blueflash.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blueflash --probe stlink --protocol jtag} in its own JVM, through usb4java into the virtual
 * ST-Link/V2 (LD_PRELOAD) in front of {@code sim serve}'s ST-Link emulator: the USB route of the option,
 * where the in-process end-to-end test takes the stlink-server one. The probe reports the JTAG clock
 * {@code --freq} chose and the JTAG-DP's IDCODE, and the image is in flash once the server has stopped.
 */
@Tag("conformance")
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualStLinkJtagConformanceTest {

    @TempDir
    Path dir;

    @Test
    void givenVirtualStLinkOnUsb_whenBlueflashWritesWithProtocolJtag_thenJtagDpAnsweredAndChipHoldsTheImage()
            throws Exception {
        StLinkPersonality personality = StLinkPersonality.v2();
        ConformanceReport report = new ConformanceReport("blueflash --probe stlink --protocol jtag via usb4java and "
                + "virtual ST-Link " + personality.model());
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        String bin = TestFirmware.writeBin(dir).toString();
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), personality, System.out));
            Flow flow = new Flow(report, server, dir,
                    VirtualStLink.environment(new VirtualStLink.Probe(personality, port)));
            String[] info = VirtualStLinkBlueflashConformanceTest.stlink("--protocol", "jtag", "--freq", "4M", "info",
                    "probe");
            ExternalClient.Run probe = flow.run(ExternalClient.DEFAULT_TIMEOUT,
                    r -> r.exitCode() == 0 && r.output().contains("JTAG 2250 kHz, JTAG IDCODE 0x3BA00477"), info);
            assertThat(probe.output()).as(probe.describe()).contains("JTAG 2250 kHz, JTAG IDCODE 0x3BA00477");

            String[] write = VirtualStLinkBlueflashConformanceTest.stlink("--protocol", "jtag", "write", bin,
                    "0x08000000");
            ExternalClient.Run written = flow.run(ExternalClient.DEFAULT_TIMEOUT,
                    r -> r.exitCode() == 0 && r.output().contains("verified"), write);
            assertThat(written.exitCode()).as(written.describe()).isZero();
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                .as("blueflash --probe sim --sim-state read after the server stopped").isEqualTo(firmware);
    }
}
