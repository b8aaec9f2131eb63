package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StLinkSerialsTest {

    private static byte[] descriptor(char[] units) {
        byte[] d = new byte[2 + 2 * units.length];
        d[0] = (byte) d.length;
        d[1] = 3;
        for (int i = 0; i < units.length; i++) {
            d[2 + 2 * i] = (byte) units[i];
            d[3 + 2 * i] = (byte) (units[i] >>> 8);
        }
        return d;
    }

    @Test
    void givenGenuineAsciiSerial_whenDecoded_thenTextAsIs() {
        String serial = "066DFF485550755187121723";

        assertThat(StLinkSerials.fromStringDescriptor(descriptor(serial.toCharArray()))).isEqualTo(serial);
    }

    @Test
    void givenCloneBinarySerialOf12Bytes_whenDecoded_thenHexEncoded24Chars() {
        char[] units = new char[12];
        byte[] raw = {0x55, (byte) 0xFF, 0x6B, 0x06, 0x49, (byte) 0x83, 0x51, 0x57, 0x41, 0x28, 0x15, 0x67};
        for (int i = 0; i < 12; i++) {
            units[i] = (char) (raw[i] & 0xFF);
        }
        byte[] d = descriptor(units);

        assertThat(d).hasSize(26);
        assertThat(StLinkSerials.fromStringDescriptor(d)).isEqualTo("55FF6B0649835157412815 67".replace(" ", ""));
    }

    @Test
    void givenTruncatedDescriptor_whenDecoded_thenEmpty() {
        assertThat(StLinkSerials.fromStringDescriptor("x".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
