package io.blueflash.sim.adapter;

import io.blueflash.port.out.TargetCommunicationException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a session with a state file: the host process dies, the board does not.
 * A JVM shutdown hook raises a flag; the session's next SWD transaction then fails, so the use case
 * unwinds at a transaction boundary and {@link SimulatedTargetConnection#close()} saves the chip as
 * it is (pages done are written, the operation in flight completes as the FPEC would finish it).
 * The hook waits for that save, bounded, before the JVM exits with 128 + the signal number.
 */
final class SessionSignals {

    /** How long the hook waits for the session to unwind and save. */
    static final long SAVE_WAIT_MILLIS = 5_000;

    private volatile boolean stopping;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread hook;

    /** Registers the shutdown hook; a JVM already shutting down gets none. */
    void install(String what) {
        Thread thread = new Thread(this::onShutdown, "sim-session-shutdown " + what);
        try {
            Runtime.getRuntime().addShutdownHook(thread);
            hook = thread;
        } catch (IllegalStateException shuttingDown) {
            stopping = true;
        }
    }

    /** Throws when the process is stopping: called before each SWD transaction. */
    void check() {
        if (stopping) {
            throw new SessionInterruptedException();
        }
    }

    /** The session has closed (state saved or not): lets the hook return; removes it. */
    void sessionClosed() {
        closed.countDown();
        Thread registered = hook;
        if (registered != null && Thread.currentThread() != registered) {
            try {
                Runtime.getRuntime().removeShutdownHook(registered);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it returns once it sees the latch
            }
        }
    }

    private void onShutdown() {
        stopping = true;
        try {
            closed.await(SAVE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session stops because the process received a termination signal. */
    static final class SessionInterruptedException extends TargetCommunicationException {

        private static final long serialVersionUID = 1L;

        SessionInterruptedException() {
            super("interrupted by a signal (Ctrl-C or SIGTERM): stopped between two SWD transactions, "
                    + "as unplugging the probe would; the simulated flash is kept as far as it got");
        }
    }
}
