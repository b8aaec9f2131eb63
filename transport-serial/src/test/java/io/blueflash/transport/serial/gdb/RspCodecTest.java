package io.blueflash.transport.serial.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RspCodecTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenPayload_whenFramed_thenDollarHashAndModulo256ChecksumInHex() {
        assertThat(new String(RspCodec.frame(ascii("qSupported")), StandardCharsets.US_ASCII))
                .isEqualTo("$qSupported#37");
        assertThat(new String(RspCodec.frame(ascii("")), StandardCharsets.US_ASCII)).isEqualTo("$#00");
        assertThat(new String(RspCodec.frame(ascii("OK")), StandardCharsets.US_ASCII)).isEqualTo("$OK#9a");
    }

    @Test
    void givenSpecialBytes_whenEscaped_thenSevenDFollowedByXor20() {
        byte[] data = {'#', '$', '}', '*', 'a'};

        assertThat(RspCodec.escape(data)).containsExactly(0x7D, 0x03, 0x7D, 0x04, 0x7D, 0x5D, 0x7D, 0x0A, 'a');
        assertThat(RspCodec.unescape(RspCodec.escape(data), 0)).containsExactly(data);
    }

    @Test
    void givenAllByteValues_whenEscapedAndUnescaped_thenRoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }

        byte[] escaped = RspCodec.escape(all);

        assertThat(escaped).hasSize(256 + 4);
        assertThat(RspCodec.unescape(escaped, 0)).containsExactly(all);
    }

    @Test
    void givenTrailingEscape_whenUnescaped_thenProtocolError() {
        assertThatThrownBy(() -> RspCodec.unescape(new byte[] {'a', 0x7D}, 0))
                .isInstanceOf(RspProtocolException.class).hasMessageContaining("escape");
    }

    @Test
    void givenRunLengthReply_whenExpanded_thenRepeatedNMinus29Times() {
        // "0* " = '0' plus (' ' - 29 = 3) more: four zeros
        assertThat(new String(RspCodec.expandRunLength(ascii("0* ")), StandardCharsets.US_ASCII)).isEqualTo("0000");
        // '"' - 29 = 5 more
        assertThat(new String(RspCodec.expandRunLength(ascii("ab*\"c")), StandardCharsets.US_ASCII))
                .isEqualTo("abbbbbbc");
    }

    @Test
    void givenRunLengthWithoutPrecedingByte_whenExpanded_thenProtocolError() {
        assertThatThrownBy(() -> RspCodec.expandRunLength(ascii("* "))).isInstanceOf(RspProtocolException.class);
    }

    @Test
    void givenEscapePair_whenExpanded_thenKeptVerbatim() {
        byte[] body = {'l', 0x7D, 0x0A, 'x'};

        assertThat(RspCodec.expandRunLength(body)).containsExactly(body);
    }

    @Test
    void givenHexText_whenDecoded_thenBytes_andBadHexIsProtocolError() {
        assertThat(RspCodec.unhex("00ff7F")).containsExactly(0x00, 0xFF, 0x7F);
        assertThatThrownBy(() -> RspCodec.unhex("0")).isInstanceOf(RspProtocolException.class);
        assertThatThrownBy(() -> RspCodec.unhex("zz")).isInstanceOf(RspProtocolException.class);
    }
}
