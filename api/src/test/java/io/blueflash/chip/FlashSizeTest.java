package io.blueflash.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlashSizeTest {

    @ParameterizedTest
    @CsvSource({"128k,131072", "64K,65536", "64KB,65536", "64 KiB,65536", "1M,1048576", "1mb,1048576",
            "0x20000,131072", "0X10000,65536", "65536,65536", " 16k ,16384"})
    void givenValidSize_whenParse_thenBytes(String text, long bytes) {
        assertThat(FlashSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(value = {"12x|not a number", "k|not a number", "0|must be positive", "-64k|must be positive",
            "0xZZ|not a number", "9999999999k|larger than the 4 GB address space", "''|empty"}, delimiter = '|')
    void givenInvalidSize_whenParse_thenErrorShowsAcceptedForms(String text, String why) {
        assertThatThrownBy(() -> FlashSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid flash size '" + text + "' (" + why
                        + "): give bytes (65536, 0x10000) or a size with k/M (64k, 128K, 1M)");
    }
}
