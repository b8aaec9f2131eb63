package io.blueflash.sim.cpu;

/**
 * Wait states of instruction fetches from the STM32F103's main flash (RM0008 §3.3.3 "Embedded
 * Flash memory": read interface, prefetch buffer, access latency): flash is read in 64-bit lines,
 * a line read takes LATENCY + 1 cycles (FLASH_ACR.LATENCY wait states), and the prefetch buffer
 * holds two lines, direct-mapped: the controller reads the next line as soon as a block is free,
 * i.e. once the line being executed has arrived. What follows from that, and what this class charges:
 * <ul>
 * <li>sequential code is fed from the buffer: 16-bit code never starves at 2 WS (a line of four
 *     instructions lasts 4 cycles, its successor's read 3), pure 32-bit code runs 2 instructions
 *     per 3 cycles;</li>
 * <li>a jump (any non-sequential fetch: taken branch, PC write, exception entry or return) discards
 *     the buffered lines and waits for the target's line: LATENCY on top of the pipeline refill, even
 *     when the target lies in the line just executed (ST's description of the F1 prefetch: a jump
 *     invalidates the buffers);</li>
 * <li>the Cortex-M3 fetches the target of a conditional branch speculatively, before the condition
 *     is known (Cortex-M3 TRM, prefetch unit); when the target is in neither buffered line, that read
 *     occupies the flash and its line takes the block of the same parity, so a not-taken branch can
 *     cost the fall-through line a new read;</li>
 * <li>one read port: I-Code and D-Code are arbitrated (D-Code first) but a line read under way is
 *     never cut short, so a jump or a D-Code read (literal pool, constant table) waits for it.</li>
 * </ul>
 * At 0 wait states every line read takes one cycle and all of this costs nothing.
 */
final class FlashPrefetch {

    /** The line the core executes from (flash offset / 8), -1 when none is buffered. */
    long currentLine = -1;
    private long bufferedLine = -1;
    private long bufferedReadyAt;
    /** The core cycle at which the flash finishes the line read under way. */
    private long busyUntil;

    void reset() {
        currentLine = -1;
        bufferedLine = -1;
        busyUntil = 0;
    }

    /**
     * Wait cycles of a D-Code (data, literal pool) read of flash at core cycle {@code now}: a line
     * read of LATENCY + 1 cycles where the 0-wait-state access takes 1, after a read under way.
     */
    int dataRead(long now, int latency, boolean prefetch) {
        return inFlight(now, latency, prefetch) + latency;
    }

    /** Cycles until the line read under way completes (none at 0 wait states: it takes one cycle). */
    private int inFlight(long now, int latency, boolean prefetch) {
        return prefetch && latency > 0 ? (int) Math.max(0, busyUntil - now) : 0;
    }

    /**
     * A not-taken conditional branch whose target (flash {@code offset}) the core fetched
     * speculatively at cycle {@code now}: unless that line is buffered, the flash reads it (after a
     * read under way) into the block of its parity, dropping the line held there.
     */
    void speculativeFetch(int offset, long now, int latency) {
        long line = offset >>> 3;
        if (latency == 0 || line == currentLine || line == bufferedLine) {
            return;
        }
        busyUntil = Math.max(now, busyUntil) + latency + 1;
        if (((line ^ currentLine) & 1) == 0) {
            currentLine = -1;
        } else {
            bufferedLine = -1;
        }
    }

    /**
     * Wait cycles of fetching the instruction half-word at flash {@code offset} at core cycle
     * {@code now}. A {@code sequential} fetch (the half-word after the previous one) is answered
     * from the current line, or from the prefetched line once its read is done; anything else reads
     * the target's line: the full LATENCY, after a line read under way.
     */
    int fetch(int offset, long now, int latency, boolean prefetch, boolean sequential) {
        long line = offset >>> 3;
        int wait;
        if (sequential && line == currentLine) {
            return 0;
        } else if (sequential && prefetch && line == bufferedLine) {
            wait = (int) Math.max(0, bufferedReadyAt - now);
        } else {
            wait = inFlight(now, latency, prefetch) + latency; // a read under way is not cut short
        }
        currentLine = line;
        if (prefetch) {
            bufferedLine = line + 1;
            bufferedReadyAt = now + wait + 1 + latency;
            busyUntil = bufferedReadyAt;
        } else {
            bufferedLine = -1;
        }
        return wait;
    }
}
