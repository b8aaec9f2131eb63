package io.blueflash.flash.stm32f1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Stm32Crc32Test {

    @Test
    void givenWord0x12345678_whenCrcComputed_thenTheCrcUnitsKnownResult() {
        // the word 0x12345678 written to CRC_DR after RESET reads back 0xDF8A8A2B (RM0008 §4 CRC unit)
        assertThat(Stm32Crc32.of(new byte[] {0x78, 0x56, 0x34, 0x12})).isEqualTo(0xDF8A_8A2B);
    }

    @Test
    void givenNoWords_whenCrcComputed_thenResetValue() {
        assertThat(Stm32Crc32.of(new byte[0])).isEqualTo(0xFFFF_FFFF);
    }

    @Test
    void givenPartialWord_whenCrcComputed_thenRefused() {
        assertThatThrownBy(() -> Stm32Crc32.of(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
