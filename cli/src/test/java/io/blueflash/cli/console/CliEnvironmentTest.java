package io.blueflash.cli.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 10: the default state file follows $HOME or XDG_STATE_HOME, not the passwd entry. */
class CliEnvironmentTest {

    @TempDir
    Path dir;

    private static CliEnvironment env(Path home, Map<String, String> variables) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new CliEnvironment(sink, sink, false, home, variables);
    }

    @Test
    void givenHomeVariable_whenHomeIsDecided_thenItWinsOverThePasswdEntry() {
        assertThat(CliEnvironment.homeOf(Map.of("HOME", "/home/sudoer"), "/root")).isEqualTo(Path.of("/home/sudoer"));
    }

    @Test
    void givenNoHomeVariable_whenHomeIsDecided_thenThePasswdEntry() {
        assertThat(CliEnvironment.homeOf(Map.of(), "/root")).isEqualTo(Path.of("/root"));
        assertThat(CliEnvironment.homeOf(Map.of("HOME", " "), "/root")).isEqualTo(Path.of("/root"));
    }

    @Test
    void givenStderrTargets_whenAskedWhetherATerminal_thenOnlyTerminalDevices() {
        assertThat(CliEnvironment.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(CliEnvironment.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(CliEnvironment.isTerminalDevice("/home/u/build.log")).isFalse();
        assertThat(CliEnvironment.isTerminalDevice("pipe:[4711]")).isFalse();
        assertThat(CliEnvironment.isTerminalDevice("/dev/null")).isFalse();
        assertThat(CliEnvironment.isTerminalDevice("/dev/ttyUSB0")).as("a serial adapter is no console").isFalse();
    }

    @Test
    void givenXdgStateHome_whenDirectoryIsAsked_thenBlueflashUnderIt() {
        Path xdg = dir.resolve("state");
        assertThat(env(dir.resolve("home"), Map.of("XDG_STATE_HOME", xdg.toString())).blueflashDirectory())
                .isEqualTo(xdg.resolve("blueflash"));
    }

    @Test
    void givenNoOrRelativeXdgStateHome_whenDirectoryIsAsked_thenDotBlueflashInHome() {
        Path home = dir.resolve("home");
        assertThat(env(home, Map.of()).blueflashDirectory()).isEqualTo(home.resolve(".blueflash"));
        assertThat(env(home, Map.of("XDG_STATE_HOME", "relative/dir")).blueflashDirectory())
                .as("the XDG spec says relative paths are invalid and ignored").isEqualTo(home.resolve(".blueflash"));
    }
}
