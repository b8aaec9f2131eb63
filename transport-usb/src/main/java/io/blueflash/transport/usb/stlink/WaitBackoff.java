package io.blueflash.transport.usb.stlink;

/**
 * What the host does between retries of a command the probe answered with a WAIT status
 * (facts §D.6: OpenOCD retries up to 8 times with 1, 2, 4… ms pauses). A strategy so that tests
 * against the emulator never sleep: there the emulator's own clock decides how long WAIT lasts.
 */
@FunctionalInterface
public interface WaitBackoff {

    /** Retries allowed after the first attempt. */
    int MAX_RETRIES = 8;

    /** Pauses before retry number {@code attempt} (1-based). */
    void pause(int attempt);

    /** No pause: for emulated probes, whose simulated time advances by itself. */
    WaitBackoff NONE = attempt -> { };

    /** 1, 2, 4, … ms, capped at 64 ms, as OpenOCD does on real hardware. */
    static WaitBackoff exponential() {
        return attempt -> {
            try {
                Thread.sleep(Math.min(64L, 1L << Math.max(0, attempt - 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
