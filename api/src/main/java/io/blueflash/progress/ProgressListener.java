package io.blueflash.progress;

/**
 * Receives {@link ProgressEvent}s on the thread running the operation. Must return quickly and
 * must not throw; an exception thrown here aborts the operation (the FPEC is still relocked).
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every event. */
    ProgressListener NONE = event -> { };

    void onEvent(ProgressEvent event);
}
