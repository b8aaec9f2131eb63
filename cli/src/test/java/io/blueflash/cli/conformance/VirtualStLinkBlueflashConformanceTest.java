package io.blueflash.cli.conformance;

import io.blueflash.sim.serve.SimEmulators;
import io.blueflash.sim.serve.SimServer;
import io.blueflash.sim.stlink.StLinkPersonality;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * blueflash's real USB path, end to end without hardware: {@code blueflash --probe stlink} in its own
 * JVM, through usb4java and its native libusb4java.so, into the virtual ST-Link (LD_PRELOAD), over the
 * stlink-server protocol into {@code sim serve}'s ST-Link emulator and the simulated chip. Every
 * command a user runs, for each ST-Link generation (V2 full speed on OUT 0x02, V2-1 on OUT 0x01, V3
 * high speed), with the bytes read back by blueflash's own simulator read at the end.
 */
@Tag("conformance")
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VirtualStLinkBlueflashConformanceTest {

    @TempDir
    Path dir;

    static Stream<StLinkPersonality> personalities() {
        return Stream.of(StLinkPersonality.v2(), StLinkPersonality.v21(), StLinkPersonality.v3());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void givenVirtualStLink_whenBlueflashRunsEveryCommandThroughUsb4java_thenChipHoldsWhatWasWritten(
            StLinkPersonality personality) throws Exception {
        ConformanceReport report = new ConformanceReport("blueflash --probe stlink via usb4java and virtual ST-Link "
                + personality.model());
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        String length = Integer.toString(firmware.length);
        TestFirmware.writeBin(dir);
        TestFirmware.writeHex(dir);
        TestFirmware.writeElf(dir);
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), personality, System.out));
            Flow flow = new Flow(report, server, dir, VirtualStLink.environment(new VirtualStLink.Probe(personality, port)));

            flow.expect(stlink("info"), personality.label(), "chipid:  0x0410", "serial:  " + personality.serial());
            flow.expect(stlink("write", "fw.bin", "0x08000000"), "verified");
            flow.expect(stlink("verify", "fw.bin", "0x08000000"));
            flow.expect(stlink("read", "out.bin", "0x08000000", length));
            assertThat(Files.readAllBytes(dir.resolve("out.bin"))).as("read through the virtual ST-Link").isEqualTo(firmware);
            flow.expect(stlink("erase"), "mass erased");
            ExternalClient.Run differs = flow.run(ExternalClient.DEFAULT_TIMEOUT, r -> r.exitCode() == 6,
                    stlink("verify", "fw.bin", "0x08000000"));
            assertThat(differs.exitCode()).as(differs.describe()).isEqualTo(6);
            flow.expect(stlink("write", "fw.hex"), "verified");
            flow.expect(stlink("verify", "fw.hex"));
            flow.expect(stlink("erase", "0x08000000", "4096"));
            flow.expect(stlink("write", "fw.elf"), "verified");
            flow.expect(stlink("reset"), "running");
            flow.expect(stlink("option-bytes"), "RDP:   0xA5", "no page write-protected");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
            throw e;
        } finally {
            report.publish();
        }
        assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                .as("blueflash --probe sim --sim-state read after the server stopped").isEqualTo(firmware);
    }

    static String[] stlink(String... command) {
        String[] arguments = Stream.concat(Stream.of("--probe", "stlink", "--no-progress"), Arrays.stream(command))
                .toArray(String[]::new);
        return BlueflashProcess.command(arguments);
    }
}
