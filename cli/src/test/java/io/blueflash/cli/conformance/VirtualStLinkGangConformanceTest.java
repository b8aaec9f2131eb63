package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gang programming (issue 18) over the real USB path: three virtual ST-Links on one bus, each in
 * front of its own simulated chip, written at once by one {@code blueflash write --all-probes} in
 * its own JVM through usb4java, with a serial number per target, and one probe unplugged in the
 * middle of its write while the others finish.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualStLinkGangConformanceTest {

    private static final int SERIAL_OFFSET = 0xFC00;
    private static final int IMAGE = 8 * 1024;

    @TempDir
    Path dir;

    @Test
    void givenThreeVirtualStLinksOneUnpluggedMidWrite_whenAllProbesAreWritten_thenTheOtherTwoHoldImageAndSerial()
            throws Exception {
        StLinkPersonality a = StLinkPersonality.v2().withSerial("VIRTUALGANG00000000000A1");
        StLinkPersonality b = StLinkPersonality.v21().withSerial("VIRTUALGANG00000000000B2");
        StLinkPersonality c = StLinkPersonality.v3().withSerial("VIRTUALGANG00000000000C3");
        byte[] firmware = TestFirmware.bytes(IMAGE);
        Path bin = java.nio.file.Files.write(dir.resolve("fw.bin"), firmware);
        ConformanceReport report = new ConformanceReport("three virtual ST-Links written at once (--all-probes)");
        Path stateA = dir.resolve("a.sim");
        Path stateB = dir.resolve("b.sim");
        Path stateC = dir.resolve("c.sim");
        ExternalClient.Run gang;
        try (SimServer sa = SimServer.open("stm32f103c8", stateA, System.out);
             SimServer sb = SimServer.open("stm32f103c8", stateB, System.out);
             SimServer sc = SimServer.open("stm32f103c8", stateC, System.out)) {
            int portA = sa.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(sa.chip(), a, System.out));
            int portB = sb.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(sb.chip(), b, System.out));
            int portC = sc.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(sc.chip(), c, System.out));
            Flow flow = new Flow(report, sa, dir, VirtualStLink.environment(new VirtualStLink.Probe(a, portA),
                    new VirtualStLink.Probe(b, portB, "vanish@w2"), new VirtualStLink.Probe(c, portC)));

            gang = flow.run(ExternalClient.DEFAULT_TIMEOUT, r -> r.exitCode() == 4,
                    BlueflashProcess.command("--no-progress", "write", bin.toString(), "0x08000000", "--all-probes",
                            "--serial-counter", "500@0x0800FC00:2"));
            assertThat(gang.exitCode()).as(gang.describe()).isEqualTo(4);
            assertThat(gang.output()).as(gang.describe()).contains("to 2 of 3 targets")
                    .contains("stlink:" + a.serial(), "stlink:" + b.serial(), "stlink:" + c.serial())
                    .contains("LIBUSB_ERROR_NO_DEVICE");
            sa.saveState();
            sc.saveState();
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        byte[] flashA = BlueflashRead.flash(stateA, "stm32f103c8", SERIAL_OFFSET + 2);
        byte[] flashC = BlueflashRead.flash(stateC, "stm32f103c8", SERIAL_OFFSET + 2);
        assertThat(Arrays.copyOf(flashA, IMAGE)).isEqualTo(firmware);
        assertThat(Arrays.copyOf(flashC, IMAGE)).isEqualTo(firmware);
        int serialA = (flashA[SERIAL_OFFSET] & 0xFF) | (flashA[SERIAL_OFFSET + 1] & 0xFF) << 8;
        int serialC = (flashC[SERIAL_OFFSET] & 0xFF) | (flashC[SERIAL_OFFSET + 1] & 0xFF) << 8;
        assertThat(java.util.List.of(serialA, serialC)).as("two of 500, 501, 502, in the order probes lists them")
                .doesNotHaveDuplicates().allMatch(s -> s >= 500 && s <= 502);
        assertThat(BlueflashRead.flash(stateB, "stm32f103c8", IMAGE)).as("the unplugged probe's chip is not complete")
                .isNotEqualTo(firmware);
    }
}
