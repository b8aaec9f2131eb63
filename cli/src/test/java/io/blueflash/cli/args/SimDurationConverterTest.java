package io.blueflash.cli.args;

import io.blueflash.cli.args.UsageException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimDurationConverterTest {

    @Test
    void givenDurationsWithUnits_whenParsed_thenNanoseconds() {
        assertThat(SimDurationConverter.parse("2s")).isEqualTo(2_000_000_000L);
        assertThat(SimDurationConverter.parse("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(SimDurationConverter.parse("250ms")).isEqualTo(250_000_000L);
        assertThat(SimDurationConverter.parse("40us")).isEqualTo(40_000L);
        assertThat(SimDurationConverter.parse("100ns")).isEqualTo(100L);
        assertThat(SimDurationConverter.parse("1m")).isEqualTo(60_000_000_000L);
        assertThat(SimDurationConverter.parse("3")).as("a bare number is seconds").isEqualTo(3_000_000_000L);
    }

    @Test
    void givenNonsenseOrZero_whenParsed_thenUsageErrorWithExamples() {
        assertThatThrownBy(() -> SimDurationConverter.parse("soon")).isInstanceOf(UsageException.class)
                .hasMessageContaining("250ms");
        assertThatThrownBy(() -> SimDurationConverter.parse("0s")).isInstanceOf(UsageException.class);
    }
}
