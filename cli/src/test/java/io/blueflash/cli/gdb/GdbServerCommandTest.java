package io.blueflash.cli.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.blueflash.cli.FlashToolMain;
import io.blueflash.sim.firmware.FirmwareBuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code blueflash --probe sim gdb-server --port 0} as a user starts it (a fresh JVM): it says where it
 * listens, gdb-multiarch loads and debugs through it, and SIGTERM stops it with the simulated flash
 * saved to the state file. Also the usage errors and help, in-process.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GdbServerCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void givenSimProbe_whenGdbLoadsAndBreaksAtMain_thenTheServerServesItAndSavesTheStateOnSigterm() throws Exception {
        Path elf = Files.copy(FirmwareBuild.app("debugme", "elf"), dir.resolve("debugme.elf"));
        Path state = dir.resolve("chip.sim");
        Process server = new ProcessBuilder(command("--probe", "sim", "--sim-state", state.toString(),
                "gdb-server", "--port", "0")).redirectError(dir.resolve("server.err").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("first line of gdb-server").isNotNull().contains("probe sim");
            Matcher m = LISTENING.matcher(first);
            assertThat(m.find()).as(first).isTrue();
            int port = Integer.parseInt(m.group(1));

            FirmwareBuild.Run gdb = gdb(elf, "target extended-remote localhost:" + port, "load", "break main",
                    "continue", "print local_total", "detach");
            assertThat(gdb.output()).as(gdb.output() + Files.readString(dir.resolve("server.err")))
                    .contains("Breakpoint 1, main ()");
            assertThat(gdb.exitCode()).isZero();
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook closes the probe and saves the state file
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(state).as("simulated flash saved at exit").exists();
        assertThat(Files.readString(dir.resolve("server.err"))).contains("gdb connected from 127.0.0.1");
    }

    @Test
    void givenATakenPort_whenGdbServerStarts_thenItFailsWithAUsageExitCodeAndAHint() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            int code = FlashToolMain.run(new String[] {"--probe", "sim", "gdb-server", "--port",
                String.valueOf(taken.getLocalPort())}, env(out, err));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port 0");
        }
    }

    @Test
    void givenHelp_whenAsked_thenItNamesTheStUtilEquivalentAndTheGdbLine() {
        var out = new java.io.ByteArrayOutputStream();
        int code = FlashToolMain.run(new String[] {"gdb-server", "--help"}, env(out, new java.io.ByteArrayOutputStream()));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("st-util", "target extended-remote", "--port");
    }

    private io.blueflash.cli.console.CliEnvironment env(java.io.ByteArrayOutputStream out, java.io.ByteArrayOutputStream err) {
        return new io.blueflash.cli.console.CliEnvironment(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), false, dir, java.util.Map.of());
    }

    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FlashToolMain.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static FirmwareBuild.Run gdb(Path elf, String... commands) {
        FirmwareBuild.requireTool("gdb-multiarch", "gdb-multiarch");
        List<String> c = new ArrayList<>(List.of("gdb-multiarch", "-nx", "-batch", "-ex", "set confirm off",
                "-ex", "set pagination off"));
        for (String command : commands) {
            c.add("-ex");
            c.add(command);
        }
        c.add(elf.toString());
        return FirmwareBuild.Run.of(c, elf.getParent(), 120);
    }
}
