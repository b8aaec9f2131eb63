package io.blueflash.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.cli.args.UsageException;
import io.blueflash.cli.console.CliEnvironment;
import io.blueflash.model.ConnectMode;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import io.blueflash.model.TraceSink;
import io.blueflash.port.in.ListProbesUseCase;
import io.blueflash.port.in.ProbeInfo;
import io.blueflash.port.in.ProbeListing;
import io.blueflash.port.out.ProbeNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeChoiceTest {

    @TempDir
    Path home;

    private final List<String> notes = new ArrayList<>();

    private CliEnvironment env(Map<String, String> variables) {
        PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
        return new CliEnvironment(sink, sink, false, home, variables);
    }

    private static GlobalSettings settings(String probe, String serial) {
        return new GlobalSettings(Optional.ofNullable(probe), Optional.empty(), Optional.ofNullable(serial),
                OptionalInt.empty(), ConnectMode.NORMAL, OptionalLong.empty(), Optional.empty(),
                false, false, false, true, 0, false);
    }

    private static ListProbesUseCase listing(ProbeInfo... probes) {
        return () -> new ProbeListing(List.of(probes), List.of());
    }

    private static final ProbeInfo SIM = new ProbeInfo("sim", "sim", "simulated Blue Pill");

    @Test
    void givenNoProbeOptionAndNoHardware_whenSelecting_thenErrorNamesSimAndSimIsNotChosen() {
        assertThatThrownBy(() -> ProbeChoice.select(settings(null, null), env(Map.of()), listing(SIM), notes::add))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining("no probe found")
                .satisfies(e -> assertThat(io.blueflash.cli.ErrorReport.of(e).hints())
                        .anyMatch(hint -> hint.contains("--probe sim")));
    }

    @Test
    void givenOneStLinkAttached_whenSelecting_thenItIsChosenAndNoted() {
        ProbeSelector s = ProbeChoice.select(settings(null, null), env(Map.of()),
                listing(SIM, new ProbeInfo("stlink:0671FF", "stlink", "ST-Link V2")), notes::add);
        assertThat(s).isEqualTo(new ProbeSelector("stlink", "0671FF"));
        assertThat(notes).containsExactly("probe: stlink:0671FF (ST-Link V2)");
    }

    @Test
    void givenTwoProbes_whenSelecting_thenUsageErrorListsBoth() {
        assertThatThrownBy(() -> ProbeChoice.select(settings(null, null), env(Map.of()),
                listing(new ProbeInfo("stlink:A", "stlink", "x"), new ProbeInfo("bmp:/dev/ttyACM0", "bmp", "y")),
                notes::add))
                .isInstanceOf(UsageException.class).hasMessageContaining("stlink:A, bmp:/dev/ttyACM0");
    }

    @Test
    void givenExplicitChoices_whenSelecting_thenProbeBeatsSerialBeatsEnvironment() {
        Map<String, String> vars = Map.of(CliEnvironment.PROBE_VARIABLE, "sim:gd32f103c8");
        assertThat(ProbeChoice.select(settings("bmp:/dev/ttyACM0", "X"), env(vars), listing(), notes::add))
                .isEqualTo(new ProbeSelector("bmp", "/dev/ttyACM0"));
        assertThat(ProbeChoice.select(settings(null, "X"), env(vars), listing(), notes::add))
                .isEqualTo(new ProbeSelector("stlink", "X"));
        assertThat(ProbeChoice.select(settings(null, null), env(vars), listing(), notes::add))
                .isEqualTo(new ProbeSelector("sim", "gd32f103c8"));
        assertThat(notes).containsExactly("probe: sim:gd32f103c8 (from BLUEFLASH_PROBE)");
    }

    @Test
    void givenSimWithoutStateOption_whenConnecting_thenStateFileUnderHomePerProfile() {
        ConnectOptions o = ProbeChoice.connectOptions(ProbeSelector.parse("sim:stm32f103cb"), settings("sim:stm32f103cb", null),
                env(Map.of()), TraceSink.NONE);
        assertThat(o.option(ConnectOptions.SIM_STATE_FILE, "")).isEqualTo(
                home.resolve(".blueflash").resolve("sim-stm32f103cb.state").toAbsolutePath().toString());
        assertThat(home.resolve(".blueflash")).isDirectory();
        ConnectOptions real = ProbeChoice.connectOptions(ProbeSelector.parse("stlink"), settings("stlink", null),
                env(Map.of()), TraceSink.NONE);
        assertThat(real.transportOptions()).doesNotContainKey(ConnectOptions.SIM_STATE_FILE);
    }
}
