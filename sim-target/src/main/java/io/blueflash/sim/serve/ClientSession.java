package io.blueflash.sim.serve;

import io.blueflash.sim.bus.SimClock;

/**
 * One client's use of the served chip, as the server counts and reports it (issue 13 items 10–12):
 * bytes each way, the simulated time it took and the part of that time the chip spent waiting for
 * the client (which follows the wall clock, see {@link ChipLockReleasingInputStream}).
 *
 * <p>A transport connection may hold several client sessions (a pty stays open while one stm32flash
 * or gdb after another uses it): the emulator marks where one ends ({@link SimServer#clientSessionEnded()}),
 * and the meter then starts over. With pacing on, it also holds replies back until the wall clock has
 * caught up with the simulated time the chip spent on them. Used by one thread at a time (the
 * session's), always with the chip lock held.
 */
final class ClientSession {

    private final String frontEnd;
    private final SimClock clock;
    private final boolean paced;
    private long simStart;
    private long waitingNanos;
    private long bytesIn;
    private long bytesOut;
    private long pacedSimMark;
    private long pacedWallMark;

    ClientSession(String frontEnd, SimClock clock, boolean paced) {
        this.frontEnd = frontEnd;
        this.clock = clock;
        this.paced = paced;
        restart();
    }

    /** Starts a new client session on the same connection. */
    void restart() {
        simStart = clock.nanos();
        waitingNanos = 0;
        bytesIn = 0;
        bytesOut = 0;
        markPacing();
    }

    boolean active() {
        return bytesIn > 0;
    }

    void received(int n) {
        bytesIn += Math.max(0, n);
    }

    void sent(int n) {
        bytesOut += Math.max(0, n);
    }

    /** The chip waited {@code nanos} for the client (charged to its clock at wall speed). */
    void waited(long nanos) {
        waitingNanos += nanos;
        markPacing();
    }

    /**
     * With pacing on: sleeps until the wall time since the client's last input is at least the
     * simulated time the chip spent since then, so the reply leaves no sooner than a board's would.
     */
    void pace() throws java.io.InterruptedIOException {
        if (!paced) {
            return;
        }
        long debt = (clock.nanos() - pacedSimMark) - (System.nanoTime() - pacedWallMark);
        if (debt > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(debt); // pacing to simulated time is the point
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("sim serve is stopping");
            }
        }
        markPacing();
    }

    private void markPacing() {
        pacedSimMark = clock.nanos();
        pacedWallMark = System.nanoTime();
    }

    SimServer.SessionReport report(int number) {
        return new SimServer.SessionReport(frontEnd, number, clock.nanos() - simStart, waitingNanos, bytesIn, bytesOut);
    }
}
