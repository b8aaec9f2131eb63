package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * USB faults a real ST-Link shows, injected by the virtual ST-Link under blueflash's real usb4java
 * path: each gives its documented message and exit code 4, nothing already in flash is lost, and the
 * flash controller ends locked; and two virtual probes on one bus, told apart by serial.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualStLinkFaultsConformanceTest {

    private static final int FLASH_CR = 0x4002_2010;
    private static final int FLASH_CR_LOCK = 1 << 7;
    /** Eight 1 KB pages: blueflash programs them with three memory writes (1 KB, 6 KB, 1 KB). */
    private static final int IMAGE = 8 * 1024;
    private static final String SENTINEL_ADDRESS = "0x08008000";

    @TempDir
    Path dir;

    /**
     * The fault hits the data phase of the second memory write (pages 1-6 of the image), in the middle
     * of programming: vanish = unplugged (every later call: LIBUSB_ERROR_NO_DEVICE), timeout and stall
     * once (LIBUSB_ERROR_TIMEOUT, LIBUSB_ERROR_PIPE) with the probe still there.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vanish@w2,  LIBUSB_ERROR_NO_DEVICE, unplugged",
        "timeout@w2, LIBUSB_ERROR_TIMEOUT,   did not answer",
        "stall@w2,   LIBUSB_ERROR_PIPE,      stalled"})
    void givenUsbFaultMidWrite_whenBlueflashWrites_thenExit4NamesItAndFlashAndLockAreSafe(String fault,
            String libusbError, String explanation) throws Exception {
        StLinkPersonality probe = StLinkPersonality.v2();
        byte[] before = TestFirmware.bytes(IMAGE);
        byte[] after = before.clone();
        for (int i = 64; i < after.length; i++) {
            after[i] = (byte) ~after[i];
        }
        Path old = Files.write(dir.resolve("old.bin"), before);
        Path fresh = Files.write(dir.resolve("new.bin"), after);
        Path sentinel = Files.write(dir.resolve("sentinel.bin"), TestFirmware.bytes(1024));
        ConformanceReport report = new ConformanceReport("virtual ST-Link fault " + fault);
        Path state = dir.resolve("chip.sim");
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), probe, System.out));
            Flow healthy = new Flow(report, server, dir, VirtualStLink.environment(new VirtualStLink.Probe(probe, port)));
            Flow faulty = new Flow(report, server, dir,
                    VirtualStLink.environment(new VirtualStLink.Probe(probe, port, fault)));
            healthy.expect(stlink("write", old.toString(), "0x08000000"), "verified");
            healthy.expect(stlink("write", sentinel.toString(), SENTINEL_ADDRESS), "verified");

            ExternalClient.Run failed = faulty.run(ExternalClient.DEFAULT_TIMEOUT, r -> r.exitCode() == 4,
                    stlink("write", fresh.toString(), "0x08000000"));
            assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(4);
            assertThat(failed.output()).as(failed.describe()).contains(libusbError, explanation)
                    .doesNotContain("check wiring");
            if (!fault.startsWith("vanish")) {
                server.saveState(); // waits for the chip: the client's last command has finished
                assertThat(server.chip().cpuBus().read(FLASH_CR, 4) & FLASH_CR_LOCK)
                        .as("FLASH_CR.LOCK after the failed write (relocked through the probe)").isNotZero();
            }
            healthy.expect(stlink("verify", sentinel.toString(), SENTINEL_ADDRESS));
            healthy.expect(stlink("write", fresh.toString(), "0x08000000"), "verified");
            server.saveState();
            assertThat(server.chip().cpuBus().read(FLASH_CR, 4) & FLASH_CR_LOCK)
                    .as("FLASH_CR.LOCK after the repeated write").isNotZero();
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        byte[] flash = BlueflashRead.flash(state, "stm32f103c8", 0x8000 + 1024);
        assertThat(Arrays.copyOf(flash, IMAGE)).as("the image, written again after the fault").isEqualTo(after);
        assertThat(Arrays.copyOfRange(flash, 0x8000, 0x8000 + 1024)).as("the page the write never touched")
                .isEqualTo(TestFirmware.bytes(1024));
    }

    @Test
    void givenProbeWithoutUdevRule_whenBlueflashOpensIt_thenExit4NamesTheUdevRule() throws Exception {
        StLinkPersonality probe = StLinkPersonality.v2();
        ConformanceReport report = new ConformanceReport("virtual ST-Link fault access");
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"), System.out)) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), probe, System.out));
            Flow flow = new Flow(report, server, dir,
                    VirtualStLink.environment(new VirtualStLink.Probe(probe, port, "access")));
            ExternalClient.Run denied = flow.run(ExternalClient.DEFAULT_TIMEOUT, r -> r.exitCode() == 4,
                    stlink("info"));
            assertThat(denied.exitCode()).as(denied.describe()).isEqualTo(4);
            assertThat(denied.output()).as(denied.describe())
                    .contains("LIBUSB_ERROR_ACCESS", "49-stlink.rules", "docs/stlink.md")
                    .doesNotContain("check wiring");
            assertThat(server.sessions()).as("the server was never reached").isZero();
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
    }

    @Test
    void givenTwoVirtualProbes_whenOneIsChosenBySerial_thenOnlyItsChipIsWritten() throws Exception {
        StLinkPersonality first = StLinkPersonality.v2().withSerial("VIRTUALPROBE0000000000A1");
        StLinkPersonality second = StLinkPersonality.v3().withSerial("VIRTUALPROBE0000000000B2");
        byte[] firmware = TestFirmware.bytes();
        Path bin = TestFirmware.writeBin(dir);
        ConformanceReport report = new ConformanceReport("two virtual ST-Links chosen by serial");
        Path stateA = dir.resolve("a.sim");
        Path stateB = dir.resolve("b.sim");
        try (SimServer a = SimServer.open("stm32f103c8", stateA, System.out);
             SimServer b = SimServer.open("stm32f103c8", stateB, System.out)) {
            int portA = a.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(a.chip(), first, System.out));
            int portB = b.serveTcpConcurrently("stlink-server", 0, SimEmulators.stLinkServer(b.chip(), second, System.out));
            Flow flow = new Flow(report, b, dir, VirtualStLink.environment(new VirtualStLink.Probe(first, portA),
                    new VirtualStLink.Probe(second, portB)));

            flow.expect(BlueflashProcess.command("probes"), "stlink:" + first.serial(), "stlink:" + second.serial());
            ExternalClient.Run ambiguous = flow.run(ExternalClient.DEFAULT_TIMEOUT, r -> r.exitCode() != 0,
                    stlink("info"));
            assertThat(ambiguous.output()).as(ambiguous.describe()).contains(first.serial(), second.serial());
            flow.expect(BlueflashProcess.command("--probe", "stlink:" + second.serial(), "--no-progress", "write",
                    bin.toString(), "0x08000000"), "verified");
            flow.expect(BlueflashProcess.command("--probe", "stlink:" + first.serial(), "--no-progress", "info"),
                    first.label());
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        assertThat(BlueflashRead.flash(stateB, "stm32f103c8", firmware.length)).as("the chosen probe's chip")
                .isEqualTo(firmware);
        assertThat(BlueflashRead.flash(stateA, "stm32f103c8", firmware.length)).as("the other probe's chip")
                .containsOnly((byte) 0xFF);
    }

    private static String[] stlink(String... arguments) {
        return VirtualStLinkBlueflashConformanceTest.stlink(arguments);
    }
}
