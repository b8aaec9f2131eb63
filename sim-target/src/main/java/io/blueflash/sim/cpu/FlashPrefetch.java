package io.blueflash.sim.cpu;

/**
 * Wait states of instruction fetches from the STM32F103's main flash (facts §2.4, derived model;
 * RM0008 §3.3.3): flash is read in 64-bit lines, each line read costs LATENCY wait states
 * (FLASH_ACR), and with the prefetch buffer on the next line is read while the current one
 * executes. Hence sequential 16-bit code never starves at 2 WS (4 instructions cover the 3-cycle
 * line read), pure 32-bit code runs 2 instructions per 3 cycles, and a taken branch to a line that
 * is neither the current nor the prefetched one pays the full LATENCY on top of the pipeline refill.
 * The flash has one read port shared by I-Code and D-Code (RM0008 §3.3.3 arbitrates between them), and
 * a line read under way is not cut short: a branch miss or a D-Code read (literal pool, constant
 * table) that arrives while the prefetch is reading waits for that read to finish first.
 */
final class FlashPrefetch {

    /** The line the core executes from (flash offset / 8), -1 after a reset. */
    long currentLine = -1;
    private long bufferedLine = -1;
    private long bufferedReadyAt;

    void reset() {
        currentLine = -1;
        bufferedLine = -1;
    }

    /**
     * Wait cycles of a D-Code (data, literal pool) read of flash at core cycle {@code now}: a line
     * read of LATENCY + 1 cycles where the 0-wait-state access takes 1. The flash has one read port
     * and RM0008 §3.3.3 arbitrates I-Code and D-Code accesses (priority to D-Code), which cannot
     * cut a line read already under way: a prefetch in flight completes first.
     */
    int dataRead(long now, int latency, boolean prefetch) {
        return inFlight(now, latency, prefetch) + latency;
    }

    /** Cycles until the line read the prefetch started completes (none at 0 wait states: it takes one cycle). */
    private int inFlight(long now, int latency, boolean prefetch) {
        return prefetch && latency > 0 && bufferedLine >= 0 ? (int) Math.max(0, bufferedReadyAt - now) : 0;
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
            wait = inFlight(now, latency, prefetch) + latency; // a prefetch under way is not cut short
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
