package io.blueflash.gdbserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GdbCrcTest {

    @Test
    void givenTheCheckString_whenCrcd_thenItIsCrc32Mpeg2sCheckValue() {
        // gdb's qCRC is CRC-32 MSB-first, init 0xFFFFFFFF, no final XOR: the CRC-32/MPEG-2 parameters
        assertThat(GdbCrc.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x0376_E6E7);
    }

    @Test
    void givenDataInTwoParts_whenUpdated_thenTheSameAsAtOnce() {
        byte[] all = "blueflash gdb-server".getBytes(StandardCharsets.US_ASCII);
        int split = GdbCrc.update(GdbCrc.update(0xFFFF_FFFF, java.util.Arrays.copyOf(all, 7)),
                java.util.Arrays.copyOfRange(all, 7, all.length));
        assertThat(split).isEqualTo(GdbCrc.of(all));
    }
}
