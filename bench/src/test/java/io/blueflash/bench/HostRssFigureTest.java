package io.blueflash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostRssFigureTest {

    @Test
    void givenThreeRunsInAnyOrder_whenFigureMade_thenMedianAndRangeAreTheSortedRuns() {
        HostRss.Figure figure = new HostRss.Figure(List.of(130L << 20, 100L << 20, 120L << 20));

        assertThat(figure.median()).isEqualTo(120L << 20);
        assertThat(figure.min()).isEqualTo(100L << 20);
        assertThat(figure.max()).isEqualTo(130L << 20);
        assertThat(figure.runs()).containsExactly(100L << 20, 120L << 20, 130L << 20);
    }
}
