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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * blueflash's ST-Link paths end to end without hardware, into {@code sim serve}'s stlink-server and
 * ST-Link emulator in front of the simulated chip, for each ST-Link generation (V2 full speed on OUT
 * 0x02, V2-1 on OUT 0x01, V3 high speed):
 * <ul>
 *   <li>USB: {@code blueflash --probe stlink} in its own JVM, through usb4java and its native
 *       libusb4java.so, into the virtual ST-Link (LD_PRELOAD), which forwards each command block;</li>
 *   <li>stlink-server: {@code blueflash --probe stlink-server:127.0.0.1:PORT}, the same ST-Link protocol
 *       code over the server's TCP protocol.</li>
 * </ul>
 * Every command a user runs, with the bytes read back by blueflash's own simulator read at the end.
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
    void givenVirtualStLinkOnUsb_whenBlueflashRunsEveryCommandThroughUsb4java_thenChipHoldsWhatWasWritten(
            StLinkPersonality personality) throws Exception {
        everyCommand("blueflash --probe stlink via usb4java and virtual ST-Link " + personality.model(), personality,
                (server, report, port) -> {
                    Flow flow = new Flow(report, server, dir,
                            VirtualStLink.environment(new VirtualStLink.Probe(personality, port)));
                    return (passed, arguments) -> flow.run(ExternalClient.DEFAULT_TIMEOUT, passed,
                            BlueflashProcess.command(withProbe("stlink", arguments)));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void givenSimServeStlinkServer_whenBlueflashRunsEveryCommandAsItsClient_thenChipHoldsWhatWasWritten(
            StLinkPersonality personality) throws Exception {
        everyCommand("blueflash --probe stlink-server " + personality.model(), personality, (server, report, port) -> {
            Flow flow = new Flow(report, server, dir);
            return (passed, arguments) -> flow.blueflash(passed,
                    withProbe("stlink-server:127.0.0.1:" + port + ":" + personality.serial(), arguments));
        });
    }

    /** blueflash with its arguments after the probe. */
    interface Blueflash {
        ExternalClient.Run run(Predicate<ExternalClient.Run> passed, String... arguments) throws Exception;

        default ExternalClient.Run expect(String[] arguments, String... expected) throws Exception {
            ExternalClient.Run run = run(r -> r.exitCode() == 0 && Stream.of(expected).allMatch(r.output()::contains),
                    arguments);
            assertThat(run.exitCode()).as(run.describe()).isZero();
            if (expected.length > 0) {
                assertThat(run.output()).as(run.describe()).contains(expected);
            }
            return run;
        }
    }

    /** A way to reach the server's probe: gives blueflash with its probe chosen. */
    interface Route {
        Blueflash start(SimServer server, ConformanceReport report, int port) throws Exception;
    }

    private void everyCommand(String client, StLinkPersonality personality, Route route) throws Exception {
        ConformanceReport report = new ConformanceReport(client);
        Path state = dir.resolve("chip.sim");
        byte[] firmware = TestFirmware.bytes();
        String length = Integer.toString(firmware.length);
        String bin = TestFirmware.writeBin(dir).toString();
        String hex = TestFirmware.writeHex(dir).toString();
        String elf = TestFirmware.writeElf(dir).toString();
        String out = dir.resolve("out.bin").toString();
        try (SimServer server = SimServer.open("stm32f103c8", state, System.out)) {
            int port = server.serveTcpConcurrently("stlink-server", 0,
                    SimEmulators.stLinkServer(server.chip(), personality, System.out));
            Blueflash blueflash = route.start(server, report, port);

            blueflash.expect(args("info"), personality.label(), "chipid:  0x0410", "serial:  " + personality.serial());
            blueflash.expect(args("write", bin, "0x08000000"), "verified");
            blueflash.expect(args("verify", bin, "0x08000000"));
            blueflash.expect(args("read", out, "0x08000000", length));
            assertThat(Files.readAllBytes(Path.of(out))).as("read back").isEqualTo(firmware);
            blueflash.expect(args("erase"), "mass erased");
            ExternalClient.Run differs = blueflash.run(r -> r.exitCode() == 6, args("verify", bin, "0x08000000"));
            assertThat(differs.exitCode()).as(differs.describe()).isEqualTo(6);
            blueflash.expect(args("write", hex), "verified");
            blueflash.expect(args("verify", hex));
            blueflash.expect(args("erase", "0x08000000", "4096"));
            blueflash.expect(args("write", elf), "verified");
            blueflash.expect(args("reset"), "running");
            blueflash.expect(args("option-bytes"), "RDP:   0xA5", "no page write-protected");
        } catch (AssertionError | RuntimeException e) {
            report.fail(e);
            throw e;
        } finally {
            report.publish();
        }
        assertThat(BlueflashRead.flash(state, "stm32f103c8", firmware.length))
                .as("blueflash --probe sim --sim-state read after the server stopped").isEqualTo(firmware);
    }

    private static String[] args(String... arguments) {
        return arguments;
    }

    static String[] withProbe(String probe, String... arguments) {
        return Stream.concat(Stream.of("--probe", probe, "--no-progress"), Stream.of(arguments)).toArray(String[]::new);
    }

    /** {@code blueflash --probe stlink --no-progress ARGS} as a fresh JVM's command line. */
    static String[] stlink(String... arguments) {
        return BlueflashProcess.command(withProbe("stlink", arguments));
    }
}
