package io.blueflash.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberArgumentsTest {

    @Test
    void givenStFlashAddressForms_whenParsed_thenSameAddress() {
        assertThat(NumberArguments.parseAddress("0x8000000")).isEqualTo(0x0800_0000L);
        assertThat(NumberArguments.parseAddress("0x08000000")).isEqualTo(0x0800_0000L);
        assertThat(NumberArguments.parseAddress("0X0800_0000")).isEqualTo(0x0800_0000L);
        assertThat(NumberArguments.parseAddress("134217728")).isEqualTo(0x0800_0000L);
        assertThat(NumberArguments.parseAddress("0xFFFFFFFF")).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void givenAddressBeyond32Bits_whenParsed_thenErrorNamesLimit() {
        assertThatThrownBy(() -> NumberArguments.parseAddress("0x100000000"))
                .hasMessageContaining("0x100000000").hasMessageContaining("32 bits");
    }

    @Test
    void givenGarbageAddress_whenParsed_thenErrorShowsExample() {
        assertThatThrownBy(() -> NumberArguments.parseAddress("0x80g0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'0x80g0' is not a valid address: use hex with 0x or decimal, e.g. 0x08000000");
        assertThatThrownBy(() -> NumberArguments.parseAddress("-5")).hasMessageContaining("'-5'");
        assertThatThrownBy(() -> NumberArguments.parseAddress(" ")).hasMessageContaining("missing address");
    }

    @Test
    void givenSizeForms_whenParsed_thenBytes() {
        assertThat(NumberArguments.parseSize("4096")).isEqualTo(4096);
        assertThat(NumberArguments.parseSize("0x1000")).isEqualTo(4096);
        assertThat(NumberArguments.parseSize("128k")).isEqualTo(128 * 1024);
        assertThat(NumberArguments.parseSize("64K")).isEqualTo(64 * 1024);
        assertThat(NumberArguments.parseSize("1M")).isEqualTo(1024 * 1024);
        assertThat(NumberArguments.parseSize("0")).isZero();
    }

    @Test
    void givenHexSizeEndingInHexDigit_whenParsed_thenNotTakenAsSuffix() {
        assertThat(NumberArguments.parseSize("0x1b")).isEqualTo(0x1b);
    }

    @Test
    void givenBadSize_whenParsed_thenErrorNamesText() {
        assertThatThrownBy(() -> NumberArguments.parseSize("12kb"))
                .hasMessageContaining("'12kb'").hasMessageContaining("64k");
        assertThatThrownBy(() -> NumberArguments.parseSize("8192M")).hasMessageContaining("4 GiB");
    }

    @Test
    void givenFrequencyForms_whenParsed_thenKilohertz() {
        assertThat(NumberArguments.parseFrequencyKhz("1800")).isEqualTo(1800);
        assertThat(NumberArguments.parseFrequencyKhz("1800k")).isEqualTo(1800);
        assertThat(NumberArguments.parseFrequencyKhz("4M")).isEqualTo(4000);
        assertThatThrownBy(() -> NumberArguments.parseFrequencyKhz("0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> NumberArguments.parseFrequencyKhz("fast")).hasMessageContaining("'fast'");
    }
}
