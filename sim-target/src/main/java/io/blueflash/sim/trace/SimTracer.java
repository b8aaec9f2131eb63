package io.blueflash.sim.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Fans trace events out to the chip's listeners; building an event costs nothing when nobody listens. */
public final class SimTracer {

    private final List<SimTraceListener> listeners = new CopyOnWriteArrayList<>();

    public void add(SimTraceListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "'listener' must not be null"));
    }

    public void remove(SimTraceListener listener) {
        listeners.remove(listener);
    }

    public boolean active() {
        return !listeners.isEmpty();
    }

    public void emit(Supplier<? extends SimTraceEvent> event) {
        if (!listeners.isEmpty()) {
            SimTraceEvent built = event.get();
            for (SimTraceListener listener : listeners) {
                listener.onEvent(built);
            }
        }
    }
}
