package io.blueflash.sim.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClockCycleChargerTest {

    @Test
    void givenThreeMegahertz_whenChargedOneCycleAtATime_thenThreeMillionCyclesMakeExactlyOneSecond() {
        SimClock clock = new SimClock();
        ClockCycleCharger charger = new ClockCycleCharger(clock);

        for (int i = 0; i < 3_000_000; i++) {
            charger.charge(1, 3_000_000);
        }

        assertThat(clock.nanos()).isEqualTo(1_000_000_000L);
    }

    @Test
    void givenOneMegahertz_whenChargedInBatches_thenEachCycleIsOneMicrosecond() {
        SimClock clock = new SimClock();
        ClockCycleCharger charger = new ClockCycleCharger(clock);

        charger.charge(41, 1_000_000);
        charger.charge(0, 1_000_000);

        assertThat(clock.nanos()).isEqualTo(41_000);
    }

    @Test
    void givenZeroHertz_whenCharged_thenRefused() {
        ClockCycleCharger charger = new ClockCycleCharger(new SimClock());

        assertThatThrownBy(() -> charger.charge(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
