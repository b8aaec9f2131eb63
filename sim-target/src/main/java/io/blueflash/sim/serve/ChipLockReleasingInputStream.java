package io.blueflash.sim.serve;

import io.blueflash.sim.chip.SimClock;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Input of a client session. The session holds the chip lock while it works and lets go of it while
 * it waits for the client, so that saving the state file (on Ctrl-C) never waits for a silent client.
 *
 * <p>While it waits, the chip's clock runs at wall-clock speed: a real chip keeps running while the
 * host thinks, and clients count on it. OpenOCD, for one, polls FLASH_SR.BSY with 1 ms sleeps between
 * reads and gives up after about a hundred; a page erase takes 20–40 ms of chip time (facts §B.8),
 * which the chip must see pass during those sleeps. Simulated time is thus what a real board would
 * take with this client, think time included.
 *
 * <p>Once the server is stopping, the session ends at its next read: the final state has been saved.
 *
 * <p>It also hides {@code FileInputStream}'s seeking {@code readNBytes}, which a pty refuses.
 */
final class ChipLockReleasingInputStream extends FilterInputStream {

    private final ReentrantLock chipLock;
    private final SimClock clock;
    private final BooleanSupplier stopping;

    ChipLockReleasingInputStream(InputStream in, ReentrantLock chipLock, SimClock clock, BooleanSupplier stopping) {
        super(in);
        this.chipLock = chipLock;
        this.clock = clock;
        this.stopping = stopping;
    }

    @Override
    public int read() throws IOException {
        checkRunning();
        if (in.available() > 0) {
            return in.read();
        }
        long waitStart = System.nanoTime();
        chipLock.unlock();
        try {
            return in.read();
        } finally {
            relock(waitStart);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkRunning();
        int ready = in.available();
        if (ready > 0) {
            return in.read(b, off, Math.min(len, ready));
        }
        long waitStart = System.nanoTime();
        chipLock.unlock();
        try {
            return in.read(b, off, len);
        } finally {
            relock(waitStart);
        }
    }

    private void relock(long waitStart) throws IOException {
        chipLock.lock();
        clock.advance(Math.max(0, System.nanoTime() - waitStart));
        checkRunning();
    }

    private void checkRunning() throws IOException {
        if (stopping.getAsBoolean()) {
            throw new IOException("sim serve is stopping");
        }
    }
}
