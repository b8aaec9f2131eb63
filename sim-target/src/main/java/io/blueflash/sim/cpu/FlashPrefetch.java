package io.blueflash.sim.cpu;

/**
 * Wait states of instruction fetches from the STM32F103's main flash (facts §2.4, derived model;
 * RM0008 §3.3.3): flash is read in 64-bit lines, each line read costs LATENCY wait states
 * (FLASH_ACR), and with the prefetch buffer on the next line is read while the current one
 * executes. Hence sequential 16-bit code never starves at 2 WS (4 instructions cover the 3-cycle
 * line read), pure 32-bit code runs 2 instructions per 3 cycles, and a taken branch to a line that
 * is neither the current nor the prefetched one pays the full LATENCY on top of the pipeline refill.
 */
final class FlashPrefetch {

    private long currentLine = -1;
    private long bufferedLine = -1;
    private long bufferedReadyAt;

    void reset() {
        currentLine = -1;
        bufferedLine = -1;
    }

    /** Wait cycles of fetching the instruction half-word at flash {@code offset} at core cycle {@code now}. */
    int fetch(int offset, long now, int latency, boolean prefetch) {
        long line = offset >>> 3;
        if (line == currentLine) {
            return 0;
        }
        int wait;
        if (prefetch && line == bufferedLine) {
            wait = (int) Math.max(0, bufferedReadyAt - now);
        } else {
            wait = latency;
        }
        currentLine = line;
        if (prefetch) {
            bufferedLine = line + 1;
            bufferedReadyAt = now + wait + 1 + latency;
        } else {
            bufferedLine = -1;
        }
        return wait;
    }
}
