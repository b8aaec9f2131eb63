package io.blueflash.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.cli.args.UsageException;
import io.blueflash.model.ConnectOptions;
import io.blueflash.model.ProbeSelector;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireChoiceTest {

    private static final ConnectOptions DEFAULTS = ConnectOptions.defaults().withSwdFrequencyKhz(4000);

    private static ConnectOptions apply(String probe, WireProtocol protocol) {
        return WireChoice.apply(ProbeSelector.parse(probe), Optional.ofNullable(protocol), DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stlink", "stlink:0671FF", "stlink-server", "stlink-server:lab:7184:0671FF"})
    void givenAnStLink_whenJtagAsked_thenTheStLinkJtagOptionIsSetAndTheClockKept(String probe) {
        ConnectOptions options = apply(probe, WireProtocol.JTAG);

        assertThat(options.option(ConnectOptions.STLINK_JTAG, "absent")).isEqualTo("true");
        assertThat(options.swdFrequencyKhz()).hasValue(4000);
    }

    @Test
    void givenAnStLink_whenSwdAsked_thenTheStLinkStaysOnSwd() {
        assertThat(apply("stlink", WireProtocol.SWD).option(ConnectOptions.STLINK_JTAG, "absent")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"stlink", "sim", "bmp:/dev/ttyACM0", "bootloader:/dev/ttyUSB0"})
    void givenNoProtocol_whenApplied_thenOptionsUnchanged(String probe) {
        assertThat(apply(probe, null)).isEqualTo(DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim", "sim:gd32f103c8", "sim#2"})
    void givenASwdOnlyProbe_whenSwdAsked_thenAccepted(String probe) {
        assertThat(apply(probe, WireProtocol.SWD)).isEqualTo(DEFAULTS);
    }

    @Test
    void givenTheSimulator_whenJtagAsked_thenRefusedNamingTheEmulatedStLink() {
        assertThatThrownBy(() -> apply("sim#2", WireProtocol.JTAG)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--probe sim)")
                .hasMessageContaining("sim serve --stlink-tcp PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmp:/dev/ttyACM0", "bmp"})
    void givenABlackMagicProbe_whenJtagAsked_thenTheBmpJtagOptionIsSetAndNotTheStLinkOne(String probe) {
        ConnectOptions options = apply(probe, WireProtocol.JTAG);

        assertThat(options.option(ConnectOptions.BMP_JTAG, "absent")).isEqualTo("true");
        assertThat(options.option(ConnectOptions.STLINK_JTAG, "absent")).isEqualTo("absent");
        assertThat(options.swdFrequencyKhz()).hasValue(4000);
    }

    @Test
    void givenABlackMagicProbe_whenSwdAsked_thenItStaysOnSwdScan() {
        assertThat(apply("bmp:/dev/ttyACM0", WireProtocol.SWD).option(ConnectOptions.BMP_JTAG, "absent"))
                .isEqualTo("false");
    }

    @Test
    void givenAnStLink_whenJtagAsked_thenTheBmpOptionIsNotSet() {
        assertThat(apply("stlink", WireProtocol.JTAG).option(ConnectOptions.BMP_JTAG, "absent")).isEqualTo("absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"swd", "jtag"})
    void givenTheRomBootloader_whenAnyWireAsked_thenRefused(String wire) {
        assertThatThrownBy(() -> apply("bootloader:/dev/ttyUSB0", WireProtocol.parse(wire)))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--protocol " + wire + ": the ROM bootloader (--probe bootloader:/dev/ttyUSB0)");
    }

    @Test
    void givenAProbeNobodyKnows_whenJtagAsked_thenRefusedNamingTheStLink() {
        assertThatThrownBy(() -> apply("cmsis-dap", WireProtocol.JTAG)).isInstanceOf(UsageException.class)
                .hasMessageContaining("an ST-Link (--probe stlink")
                .hasMessageContaining("a Black Magic Probe (--probe bmp:PORT) can");
    }

    @Test
    void givenTextInAnyCase_whenParsed_thenTheWire() {
        assertThat(WireProtocol.parse("JTAG")).isEqualTo(WireProtocol.JTAG);
        assertThat(WireProtocol.parse("swd")).isEqualTo(WireProtocol.SWD);
        assertThatThrownBy(() -> WireProtocol.parse("spi")).hasMessage("--protocol: swd or jtag, got 'spi'");
    }
}
