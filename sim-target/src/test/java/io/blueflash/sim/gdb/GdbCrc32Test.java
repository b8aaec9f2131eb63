package io.blueflash.sim.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GdbCrc32Test {

    @Test
    void givenCheckString_whenCrc_thenMpeg2CheckValue() {
        // GDB's xcrc32 with seed 0xFFFFFFFF is CRC-32/MPEG-2, whose catalogue check value is 0x0376E6E7
        assertThat(GdbCrc32.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x0376E6E7);
    }

    @Test
    void givenNoData_whenCrc_thenSeed() {
        assertThat(GdbCrc32.of(new byte[0])).isEqualTo(0xFFFFFFFF);
    }
}
