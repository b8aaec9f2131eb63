package io.blueflash.transport.serial.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.blueflash.port.out.ProbeNotFoundException;
import io.blueflash.transport.serial.testing.SocatPtyPair;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the real jssc native library on a socat pty pair (skipped without socat). */
class JsscSerialLineTest {

    @TempDir
    Path dir;

    @Test
    void givenMissingPort_whenOpening_thenProbeNotFoundNamingThePort() {
        String missing = dir.resolve("ttyUSB-missing").toString();
        assertThatThrownBy(() -> JsscSerialLine.open(missing, SerialSettings.eightEvenOne(115200)))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining(missing).hasMessageContaining("does not exist");
    }

    @Test
    void givenDanglingSymlink_whenOpening_thenMessageSaysWhereItPointed() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("by-id-link"), dir.resolve("gone"));
        assertThatThrownBy(() -> JsscSerialLine.open(link.toString(), SerialSettings.eightEvenOne(115200)))
                .isInstanceOf(ProbeNotFoundException.class)
                .hasMessageContaining(link.toString()).hasMessageContaining("gone");
    }

    @Test
    void givenPtyPairSymlink_whenExchangingBytes_thenBothDirectionsArriveAndSilenceTimesOut() throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.start(dir);
             JsscSerialLine line = JsscSerialLine.open(pair.hostEnd().toString(), SerialSettings.eightNoneOne(115200));
             OutputStream device = pair.openDeviceOutput();
             InputStream deviceIn = pair.openDeviceInput()) {
            assertThat(line.portName()).isEqualTo(pair.hostEnd().toString());
            line.write(new byte[] {0x7F, 0x00, (byte) 0xFF});
            assertThat(deviceIn.readNBytes(3)).containsExactly(0x7F, 0x00, 0xFF);
            device.write(new byte[] {0x79, 0x1F});
            device.flush();
            assertThat(line.read(2, Duration.ofSeconds(5))).containsExactly(0x79, 0x1F);
            assertThatThrownBy(() -> line.read(1, Duration.ofMillis(20)))
                    .isInstanceOf(SerialTimeoutException.class).hasMessageContaining(pair.hostEnd().toString());
        }
    }
}
