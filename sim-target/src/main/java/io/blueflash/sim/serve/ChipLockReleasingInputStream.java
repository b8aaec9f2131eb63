package io.blueflash.sim.serve;

import io.blueflash.sim.bus.SimClock;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>With several sessions at once (clients sharing one ST-Link through the stlink-server), only the
 * wall time during which no session held the chip is idle time: {@code idleSince} is shared by the
 * sessions of one chip and moved to the moment of every release, so that two clients waiting at the
 * same time do not both charge the same wall time to the clock.
 *
 * <p>A server may instead leave its clock alone while clients think ({@code chargeWaits} false): then
 * only what the emulators charge (USB round trips, UART characters, SWD bits, BSY periods) passes,
 * so a run's simulated time no longer depends on how busy the host is. Benchmarks want that; a
 * client that waits for the chip with sleeps still sees time pass through the cost of its polls.
 *
 * <p>Once the server is stopping, the session ends at its next read: the final state has been saved.
 *
 * <p>It also hides {@code FileInputStream}'s seeking {@code readNBytes}, which a pty refuses.
 */
final class ChipLockReleasingInputStream extends FilterInputStream {

    private final ReentrantLock chipLock;
    private final SimClock clock;
    private final BooleanSupplier stopping;
    private final AtomicLong idleSince;
    private final BooleanSupplier chargeWaits;
    private final ClientSession session;

    ChipLockReleasingInputStream(InputStream in, ReentrantLock chipLock, SimClock clock, BooleanSupplier stopping,
                                 AtomicLong idleSince, BooleanSupplier chargeWaits, ClientSession session) {
        super(in);
        this.chargeWaits = chargeWaits;
        this.session = session;
        this.chipLock = chipLock;
        this.clock = clock;
        this.stopping = stopping;
        this.idleSince = idleSince;
    }

    @Override
    public int read() throws IOException {
        checkRunning();
        if (in.available() > 0) {
            return counted(in.read());
        }
        release();
        int b;
        try {
            b = in.read();
        } finally {
            relock();
        }
        return counted(b);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkRunning();
        int ready = in.available();
        if (ready > 0) {
            int n = in.read(b, off, Math.min(len, ready));
            session.received(n);
            return n;
        }
        release();
        int n;
        try {
            n = in.read(b, off, len);
        } finally {
            relock();
        }
        session.received(n);
        return n;
    }

    private int counted(int b) {
        if (b >= 0) {
            session.received(1);
        }
        return b;
    }

    private void release() {
        idleSince.set(System.nanoTime());
        chipLock.unlock();
    }

    private void relock() throws IOException {
        chipLock.lock();
        long now = System.nanoTime();
        long idle = Math.max(0, now - idleSince.getAndSet(now));
        if (chargeWaits.getAsBoolean()) {
            clock.advance(idle);
            session.waited(idle);
        }
        checkRunning();
    }

    private void checkRunning() throws IOException {
        if (stopping.getAsBoolean()) {
            throw new IOException("sim serve is stopping");
        }
    }
}
