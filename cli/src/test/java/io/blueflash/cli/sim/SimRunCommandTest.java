package io.blueflash.cli.sim;

import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.cli.FlashToolMain;
import io.blueflash.sim.firmware.FirmwareBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code blueflash sim run} on the test firmware ({@code firmware/apps}, built by the test run):
 * semihosting and USART output with simulated timestamps, GPIO edges timed by SysTick, the
 * firmware's exit status as the process exit code, lockup and timeout codes, state files.
 */
class SimRunCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FlashToolMain.run(args, new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, dir, Map.of()));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String app(String name, String extension) {
        return FirmwareBuild.app(name, extension).toString();
    }

    @Test
    void givenHelp_whenAsked_thenOptionsAndExitCodesAreListed() {
        Result r = run("sim", "run", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--for", "--until-exit", "--sim-state", "124", "125", "SYS_EXIT");
    }

    @Test
    void givenHelloFirmware_whenRunUntilExit_thenSemihostingAndUsartLinesCarrySimulatedTimesAndExitIsZero() {
        Result r = run("sim", "run", app("hello", "elf"), "--until-exit");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("\\[0\\.\\d{6} s\\] semihosting: hello from the Blue Pill over semihosting")
                .containsPattern("\\[0\\.\\d{6} s\\] USART1 TX: hello from the Blue Pill over USART1");
        assertThat(r.err()).contains("exit status 0");
        // 38 characters at 115200 baud, 10 bits each: the USART line ends no earlier than 3.3 ms after the first byte
        assertThat(seconds(r.out(), "USART1 TX")).isGreaterThan(0.0030);
    }

    @Test
    void givenBlinkFirmware_whenRunForOneSecond_thenPc13TogglesEvery100Milliseconds() {
        Result r = run("sim", "run", app("blink", "elf"), "--for", "1s");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        List<Double> edges = times(r.out(), "PC13");
        assertThat(edges).hasSizeBetween(10, 11);
        for (int i = 1; i < edges.size(); i++) {
            assertThat(edges.get(i) - edges.get(i - 1)).as("SysTick-timed period between edges " + edges)
                    .isCloseTo(0.100, org.assertj.core.data.Offset.offset(0.0002));
        }
        assertThat(r.err()).contains("still running after 1.000000 s");
    }

    @Test
    void givenUnitTestFirmwareWithOneFailure_whenRun_thenItsSysExitStatusIsTheExitCode() {
        Result r = run("sim", "run", app("unittest", "hex"), "--until-exit");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("semihosting: PASS gcd(48, 18) == 6", "semihosting: FAIL gcd(0, 9) == 0");
        assertThat(r.err()).contains("exit status 1");
    }

    @Test
    void givenLockupFirmware_whenRun_thenItsOwnExitCodeAndAClearMessage() {
        Result r = run("sim", "run", app("lockup", "elf"), "--until-exit", "--for", "100ms");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SimRunCommand.LOCKED_UP);
        assertThat(r.out()).contains("semihosting: about to lock up");
        assertThat(r.err()).contains("LOCKED UP", "HardFault");
    }

    @Test
    void givenBlinkWithUntilExit_whenTimeRunsOut_thenTimeoutExitCode() {
        Result r = run("sim", "run", app("blink", "elf"), "--until-exit", "--for", "50ms", "--no-gpio");

        assertThat(r.exit()).isEqualTo(SimRunCommand.TIMED_OUT);
        assertThat(r.out()).doesNotContain("PC13");
        assertThat(r.err()).contains("no semihosting SYS_EXIT within 0.050000 s");
    }

    @Test
    void givenRawBinaryWithAddressAndStateFile_whenRunAgainFromTheStateAlone_thenTheSameFirmwareRuns() {
        Path state = dir.resolve("chip.sim");

        Result first = run("sim", "run", app("hello", "bin"), "0x08000000", "--sim-state", state.toString(), "--until-exit");
        Result again = run("sim", "run", "--sim-state", state.toString(), "--until-exit");

        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(Files.exists(state)).isTrue();
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("semihosting: hello from the Blue Pill over semihosting");
    }

    @Test
    void givenRawBinaryWithoutAddress_whenRun_thenUsageErrorAsksForOne() {
        Result r = run("sim", "run", app("hello", "bin"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("0x08000000");
    }

    @Test
    void givenMissingFile_whenRun_thenImageErrorCode() {
        Result r = run("sim", "run", dir.resolve("nothing.elf").toString());

        assertThat(r.exit()).isEqualTo(2);
    }

    private static List<Double> times(String out, String source) {
        Matcher m = Pattern.compile("\\[(\\d+\\.\\d{6}) s\\] " + Pattern.quote(source) + ": ").matcher(out);
        return m.results().map(x -> Double.parseDouble(x.group(1))).collect(Collectors.toList());
    }

    private static double seconds(String out, String source) {
        List<Double> all = times(out, source);
        assertThat(all).as(source + " lines in\n" + out).isNotEmpty();
        return all.get(0);
    }
}
