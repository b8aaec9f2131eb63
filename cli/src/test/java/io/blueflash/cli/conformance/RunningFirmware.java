package io.blueflash.cli.conformance;

import io.blueflash.sim.trace.SimTraceEvent;
import io.blueflash.sim.trace.SimTraceListener;
import io.blueflash.sim.chip.Stm32F103;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Watches a served chip's GPIO edges (trace events, recorded on whichever thread drives the chip):
 * the evidence that a client's reset or GO started the firmware.
 */
final class RunningFirmware implements SimTraceListener, AutoCloseable {

    private final Stm32F103 chip;
    private final List<SimTraceEvent.GpioEdge> edges = new CopyOnWriteArrayList<>();

    private RunningFirmware(Stm32F103 chip) {
        this.chip = chip;
    }

    static RunningFirmware watch(Stm32F103 chip) {
        RunningFirmware watcher = new RunningFirmware(chip);
        chip.addTraceListener(watcher);
        return watcher;
    }

    @Override
    public void onEvent(SimTraceEvent event) {
        if (event instanceof SimTraceEvent.GpioEdge edge) {
            edges.add(edge);
        }
    }

    /** The PC13 (Blue Pill LED) edges seen so far, as text for reports. */
    List<String> pc13Edges() {
        return edges.stream().filter(e -> e.pinName().equals("PC13"))
                .map(e -> String.format("PC13 %s at %.6f s", e.high() ? "high" : "low", e.simNanos() / 1e9))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        chip.removeTraceListener(this);
    }
}
