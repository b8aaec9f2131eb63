package io.blueflash.transport.usb.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwdFrequencyTest {

    @Test
    void givenTableValue_whenChosenForV2_thenExactWithItsDivisor() {
        assertThat(SwdFrequency.forV2(4000)).isEqualTo(new SwdFrequency.Choice(4000, 0, true));
        assertThat(SwdFrequency.forV2(1800)).isEqualTo(new SwdFrequency.Choice(1800, 1, true));
        assertThat(SwdFrequency.forV2(5)).isEqualTo(new SwdFrequency.Choice(5, 798, true));
    }

    @Test
    void given1000kHz_whenChosenForV2_then950kHzNotExact() {
        assertThat(SwdFrequency.forV2(1000)).isEqualTo(new SwdFrequency.Choice(950, 3, false));
    }

    @Test
    void givenFasterThanTable_whenChosenForV2_thenFastestAndNotExact() {
        assertThat(SwdFrequency.forV2(24000)).isEqualTo(new SwdFrequency.Choice(4000, 0, false));
    }

    @Test
    void givenSlowerThanTable_whenChosen_thenSlowestOffered() {
        assertThat(SwdFrequency.forV2(1)).isEqualTo(new SwdFrequency.Choice(5, 798, false));
        assertThat(SwdFrequency.forV3(1, List.of(24000, 1000, 5))).isEqualTo(new SwdFrequency.Choice(5, 5, false));
    }

    @Test
    void givenV3List_whenChosen_thenClosestNotAbove() {
        assertThat(SwdFrequency.forV3(4000, List.of(24000, 8000, 3300, 1000))).isEqualTo(new SwdFrequency.Choice(3300, 3300, false));
    }

    @Test
    void givenNonPositive_whenChosen_thenRejected() {
        assertThatThrownBy(() -> SwdFrequency.forV2(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
