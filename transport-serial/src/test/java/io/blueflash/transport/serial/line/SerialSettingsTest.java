package io.blueflash.transport.serial.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.model.ConnectOptions;
import org.junit.jupiter.api.Test;

class SerialSettingsTest {

    @Test
    void given8E1_whenBitsPerCharacter_thenElevenAndTenFor8N1() {
        assertThat(SerialSettings.eightEvenOne(115200).bitsPerCharacter()).isEqualTo(11);
        assertThat(SerialSettings.eightNoneOne(115200).bitsPerCharacter()).isEqualTo(10);
        assertThat(SerialSettings.eightEvenOne(115200).nanosPerCharacter()).isEqualTo(95_486L);
        assertThat(SerialSettings.eightEvenOne(115200)).hasToString("115200 8E1");
    }

    @Test
    void givenTransportOptions_whenOverriding_thenBaudAndParityTaken() {
        ConnectOptions options = ConnectOptions.defaults().withTransportOption("baud", "57600")
                .withTransportOption("parity", "n");
        SerialSettings s = SerialSettings.eightEvenOne(115200).overriddenBy(options);
        assertThat(s.baud()).isEqualTo(57600);
        assertThat(s.parity()).isEqualTo(Parity.NONE);
        assertThat(SerialSettings.eightEvenOne(9600).overriddenBy(ConnectOptions.defaults()))
                .isEqualTo(SerialSettings.eightEvenOne(9600));
    }

    @Test
    void givenBadOptions_whenOverriding_thenMessageSaysWhatIsExpected() {
        assertThatThrownBy(() -> SerialSettings.eightEvenOne(115200)
                .overriddenBy(ConnectOptions.defaults().withTransportOption("baud", "fast")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("115200").hasMessageContaining("fast");
        assertThatThrownBy(() -> Parity.parse("mark"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none, even or odd");
        assertThatThrownBy(() -> new SerialSettings(0, 8, Parity.NONE, StopBits.ONE))
                .hasMessageContaining("'baud'");
        assertThatThrownBy(() -> new SerialSettings(9600, 8, null, StopBits.ONE))
                .hasMessage("'parity' must not be null");
    }
}
