package io.blueflash.transport.serial.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamSerialLineTest {

    private static final SerialSettings S = SerialSettings.eightNoneOne(115200);

    @Test
    void givenBytesArrive_whenReading_thenExactCountsInOrder() throws Exception {
        PipedOutputStream far = new PipedOutputStream();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (StreamSerialLine line = new StreamSerialLine("mem", S, new PipedInputStream(far, 64), sent)) {
            far.write(new byte[] {1, 2, 3, 4, 5});
            far.flush();
            assertThat(line.read(2, Duration.ofSeconds(5))).containsExactly(1, 2);
            assertThat(line.read(Duration.ofSeconds(5))).isEqualTo(3);
            line.write(new byte[] {(byte) 0x7F});
            line.write(0x1FF);
            assertThat(sent.toByteArray()).containsExactly(0x7F, 0xFF);
            line.discardInput();
            far.write(9);
            far.flush();
            assertThat(line.read(1, Duration.ofSeconds(5))).containsExactly(9);
        }
    }

    @Test
    void givenSilentFarEnd_whenReading_thenTimeoutNamesPortAndCounts() throws Exception {
        PipedOutputStream far = new PipedOutputStream();
        try (StreamSerialLine line = new StreamSerialLine("quiet-port", S, new PipedInputStream(far), new ByteArrayOutputStream())) {
            far.write(1);
            far.flush();
            assertThatThrownBy(() -> line.read(3, Duration.ofMillis(30)))
                    .isInstanceOf(SerialTimeoutException.class)
                    .hasMessageContaining("quiet-port").hasMessageContaining("1 of 3");
        }
    }

    @Test
    void givenClosedFarEnd_whenReadingMore_thenLineClosedError() {
        try (StreamSerialLine line = new StreamSerialLine("closed", S, new ByteArrayInputStream(new byte[] {7}),
                new ByteArrayOutputStream())) {
            assertThat(line.read(1, Duration.ofSeconds(5))).containsExactly(7);
            assertThatThrownBy(() -> line.read(1, Duration.ofSeconds(5)))
                    .isInstanceOf(SerialLineException.class)
                    .isNotInstanceOf(SerialTimeoutException.class)
                    .hasMessageContaining("closed the line");
        }
    }
}
