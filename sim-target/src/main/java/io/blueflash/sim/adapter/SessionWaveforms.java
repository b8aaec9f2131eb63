package io.blueflash.sim.adapter;

import io.blueflash.sim.wave.ChipWaveforms;
import java.util.function.LongConsumer;

/** A session's VCD recorder and what to tell the connector when it closes (where the file's time ended). */
record SessionWaveforms(ChipWaveforms waves, LongConsumer ended) {

    void close() {
        try {
            waves.close();
        } finally {
            ended.accept(waves.latestNanos());
        }
    }
}
