package io.blueflash.sim.serve;

import io.blueflash.port.out.ProbeBusyException;
import io.blueflash.port.out.ProbeStateException;
import io.blueflash.sim.chip.SimStateBusyException;
import io.blueflash.sim.chip.SimStateCorruptException;
import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.SimProfile;
import io.blueflash.sim.chip.SimStateLock;
import io.blueflash.sim.chip.Stm32F103;

import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One simulated chip, kept in a state file, served to outside clients through device-side emulators
 * on TCP 127.0.0.1 ports or pseudo-terminals (DESIGN §3 "Persistence"). Clients are served one after
 * the other on each front end (or several at once where the protocol shares a probe, see
 * {@link #serveTcpConcurrently}); the chip is driven by one thread at a time (it is not thread-safe), and
 * the state file is saved atomically after every client session (a connection that ends, or a session
 * end the emulator sees in the protocol: {@link #clientSessionEnded()}), when the chip has changed and
 * then been idle for {@value #AUTOSAVE_MILLIS} ms, and on {@link #close()}, so that a later
 * {@code blueflash --probe sim --sim-state FILE read} sees what the client wrote.
 * Each client session is reported ({@link SessionReport}): its simulated time, and apart from it the
 * part the chip spent waiting for the client. On request, replies are paced to simulated time
 * ({@link #paceToSimulatedTime}), so that clients see a board's speed instead of the simulator's.
 * The state file is locked from open to close ({@link SimStateLock}): a CLI command on the same
 * file meanwhile is refused as "probe busy", as a USB probe claimed by another process would be.
 */
public final class SimServer implements AutoCloseable {

    private static final long RETRY_MILLIS = 100;
    private static final long SAVE_LOCK_TIMEOUT_SECONDS = 10;
    private static final long AUTOSAVE_MILLIS = 250;

    /**
     * One finished client session.
     *
     * @param frontEnd       the front end's name ({@code bmp}, {@code bootloader}, ...)
     * @param number         1 for the server's first session, counted over all front ends
     * @param simulatedNanos simulated time from the session's start to its end
     * @param waitingNanos   the part of it the chip spent waiting for the client (wall speed)
     * @param bytesIn        bytes received from the client
     * @param bytesOut       bytes sent to the client
     */
    public record SessionReport(String frontEnd, int number, long simulatedNanos, long waitingNanos, long bytesIn,
                                long bytesOut) {

        /** Simulated time the chip and the probe spent on the client's requests. */
        public long busyNanos() {
            return simulatedNanos - waitingNanos;
        }

        /** One line for people. */
        public String text() {
            return String.format(java.util.Locale.ROOT,
                    "%s: client session %d: %.3f ms simulated, of which %.3f ms waiting for the client; %d bytes in, %d out",
                    frontEnd, number, simulatedNanos / 1e6, waitingNanos / 1e6, bytesIn, bytesOut);
        }
    }

    private final Stm32F103 chip;
    private final Path stateFile;
    private final SimStateLock stateLock;
    private final PrintStream log;
    private final ReentrantLock chipLock = new ReentrantLock();
    /** When a session last let go of the chip (System.nanoTime), shared by concurrent sessions. */
    private final AtomicLong chipIdleSince = new AtomicLong(System.nanoTime());
    private final List<AutoCloseable> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<SessionReport> reports = new CopyOnWriteArrayList<>();
    private final List<ClientSession> active = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ClientSession> current = new ThreadLocal<>();
    private volatile boolean closed;
    private volatile boolean chargeClientWaits = true;
    private volatile boolean paced;

    private long savedAtNanos;

    private SimServer(Stm32F103 chip, Path stateFile, SimStateLock stateLock, PrintStream log) {
        this.chip = chip;
        this.stateLock = stateLock;
        this.stateFile = stateFile;
        this.log = log;
        this.savedAtNanos = chip.clock().nanos();
        start("autosave", this::autosave);
    }

    /**
     * Creates the chip of {@code profileName} and loads {@code stateFile} into it when the file exists
     * (a corrupt file is refused and left untouched).
     */
    public static SimServer open(String profileName, Path stateFile, PrintStream log) {
        return open(SimProfile.named(profileName), stateFile, log);
    }

    /** As {@link #open(String, Path, PrintStream)} for a profile built by the caller (another flash size, for one). */
    public static SimServer open(SimProfile profile, Path stateFile, PrintStream log) {
        if (stateFile == null) {
            throw new IllegalArgumentException("'stateFile' must not be null");
        }
        Stm32F103 chip = Stm32F103.create(profile);
        SimStateLock lock;
        try {
            lock = SimStateLock.acquire(stateFile, "blueflash sim serve --state " + stateFile);
        } catch (SimStateBusyException busy) {
            throw new ProbeBusyException(busy.getMessage(), busy.holder().orElse(null), busy);
        }
        try {
            if (Files.exists(stateFile)) {
                SimStateFile.loadInto(stateFile, chip);
            }
        } catch (SimStateCorruptException corrupt) {
            lock.close();
            throw new ProbeStateException(ProbeStateException.Kind.UNUSABLE, stateFile, corrupt.getMessage(), corrupt);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new SimServer(chip, stateFile, lock, log == null ? System.err : log);
    }

    /** The chip, for code that runs while no client session is active (tests, reports). */
    public Stm32F103 chip() {
        return chip;
    }

    /** Where the server logs (session reports, warnings of the emulators). */
    public PrintStream logStream() {
        return log;
    }

    public Path stateFile() {
        return stateFile;
    }

    /** Simulated time so far, in nanoseconds (DESIGN §3: simulated, not wall time). */
    public long simulatedNanos() {
        chipLock.lock();
        try {
            return chip.clock().nanos();
        } finally {
            chipLock.unlock();
        }
    }

    /**
     * Whether the chip's clock runs at wall speed while a session waits for its client (the default,
     * as a real board keeps running while the host thinks), or stands still, so that simulated time
     * is only what the emulators charge and does not depend on the host's load (benchmarks).
     */
    public void setClientWaitsCharged(boolean charged) {
        this.chargeClientWaits = charged;
    }

    /** Client sessions finished so far on all front ends. */
    public int sessions() {
        return reports.size();
    }

    /** The finished client sessions, in the order they ended. */
    public List<SessionReport> sessionReports() {
        return List.copyOf(reports);
    }

    /**
     * Paces replies to simulated time: a reply leaves no sooner, in wall time after the request, than
     * the simulated time the chip (and the modelled probe link) took for it. Set before serving.
     */
    public SimServer paceToSimulatedTime(boolean on) {
        paced = on;
        return this;
    }

    /**
     * Called by an emulator on its session's thread where the protocol shows that one client's
     * session has ended while the connection stays (gdb's detach on a pty, a bootloader reset or GO,
     * a new client's first request): the session is counted and reported and the state saved, as when
     * a connection ends. Does nothing outside a session or for a session that has received nothing.
     */
    public void clientSessionEnded() {
        ClientSession session = current.get();
        if (session == null) {
            return;
        }
        chipLock.lock();
        try {
            finish(session, !closed);
        } finally {
            chipLock.unlock();
        }
    }

    /** Call with the chip lock held. */
    private void finish(ClientSession session, boolean save) {
        if (!session.active()) {
            return;
        }
        if (save) {
            save(); // before the session counts: whoever sees the count also sees the saved state
        }
        SessionReport report;
        synchronized (reports) {
            report = session.report(reports.size() + 1);
            reports.add(report);
        }
        log.println(report.text());
        session.restart();
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 picks a free port) and serves each client in turn.
     *
     * @return the port listened on
     */
    public int serveTcp(String name, int port, StreamService service) {
        ServerSocket server = listen(name, port);
        start(name, () -> {
            while (!closed) {
                try {
                    serveClient(name, service, server.accept());
                } catch (IOException e) {
                    if (!closed) {
                        log.println(name + ": connection ended with " + e.getMessage());
                    }
                }
            }
        });
        return server.getLocalPort();
    }

    /**
     * As {@link #serveTcp}, but each client is served on its own thread while others are connected,
     * as ST's stlink-server shares one probe between an IDE and other tools. {@code service} must
     * allow concurrent sessions; the chip still runs one request at a time (the chip lock), and is let go
     * of whenever a session waits for its client.
     *
     * @return the port listened on
     */
    public int serveTcpConcurrently(String name, int port, StreamService service) {
        ServerSocket server = listen(name, port);
        start(name, () -> {
            int clients = 0;
            while (!closed) {
                try {
                    Socket client = server.accept();
                    start(name + "-client-" + ++clients, () -> {
                        try {
                            serveClient(name, service, client);
                        } catch (IOException e) {
                            if (!closed) {
                                log.println(name + ": connection ended with " + e.getMessage());
                            }
                        }
                    });
                } catch (IOException e) {
                    if (!closed) {
                        log.println(name + ": accepting a client failed with " + e.getMessage());
                    }
                }
            }
        });
        return server.getLocalPort();
    }

    private ServerSocket listen(String name, int port) {
        ServerSocket server;
        try {
            server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for " + name
                    + " (is the port in use? choose another one)", e);
        }
        listeners.add(server);
        return server;
    }

    private void serveClient(String name, StreamService service, Socket socket) throws IOException {
        try (Socket client = socket) {
            client.setTcpNoDelay(true);
            listeners.add(client);
            try {
                session(name, service, client.getInputStream(), client.getOutputStream());
            } finally {
                listeners.remove(client);
            }
        }
    }

    /**
     * Listens on 127.0.0.1:{@code port} for the board's control channel ({@link ControlChannel}): its
     * clients are not client sessions of the chip (not counted, no state save); the service takes the
     * chip lock itself ({@link #withChip}) for each command.
     *
     * @return the port listened on
     */
    public int serveControl(int port, StreamService service) {
        ServerSocket server = listen("control", port);
        start("control", () -> {
            while (!closed) {
                try (Socket client = server.accept()) {
                    listeners.add(client);
                    try {
                        service.serve(client.getInputStream(), client.getOutputStream());
                    } finally {
                        listeners.remove(client);
                    }
                } catch (IOException e) {
                    if (!closed) {
                        log.println("control: connection ended with " + e.getMessage());
                    }
                }
            }
        });
        return server.getLocalPort();
    }

    /**
     * Runs {@code action} on the chip between two client requests (under the chip lock), charging the
     * wall time no session held the chip to its clock first, as a session that wakes up does.
     */
    public <T> T withChip(java.util.function.Function<Stm32F103, T> action) {
        chipLock.lock();
        try {
            long now = System.nanoTime();
            chip.clock().advance(Math.max(0, now - chipIdleSince.getAndSet(now)));
            return action.apply(chip);
        } finally {
            chipIdleSince.set(System.nanoTime());
            chipLock.unlock();
        }
    }

    /**
     * Serves clients on the pseudo-terminal (or other character device) {@code pty}, opened as plain
     * file streams; when it ends or disappears it is opened again until the server closes.
     */
    public void servePty(String name, Path pty, StreamService service) {
        start(name, () -> {
            boolean told = false;
            while (!closed) {
                if (!Files.exists(pty)) {
                    if (!told) {
                        log.println(name + ": waiting for " + pty + " to exist (make it with socat, see --help)");
                        told = true;
                    }
                    pause();
                    continue;
                }
                told = false;
                try (InputStream in = new DataInputStream(new FileInputStream(pty.toFile()));
                     OutputStream out = new FileOutputStream(pty.toFile())) {
                    session(name, service, in, out);
                } catch (IOException e) {
                    if (!closed) {
                        log.println(name + ": " + pty + " ended with " + e.getMessage() + "; reopening");
                    }
                }
                pause();
            }
        });
    }

    /** Saves the state file now (atomic: temp file + rename). */
    public void saveState() {
        chipLock.lock();
        try {
            save();
        } finally {
            chipLock.unlock();
        }
    }

    /** Call with the chip lock held. */
    private void save() {
        SimStateFile.save(stateFile, chip);
        savedAtNanos = chip.clock().nanos();
    }

    /** Saves once the chip has been idle (its clock unchanged) for a whole period, so it never delays a client. */
    private void autosave() {
        long seenAt = -1;
        while (!closed) {
            try {
                Thread.sleep(AUTOSAVE_MILLIS); // wall-clock housekeeping, not simulated time
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && chipLock.tryLock()) {
                try {
                    long now = chip.clock().nanos();
                    if (now == seenAt && now != savedAtNanos) {
                        save();
                    }
                    seenAt = now;
                } catch (RuntimeException e) {
                    log.println("autosave of " + stateFile + " failed: " + e.getMessage());
                } finally {
                    chipLock.unlock();
                }
            }
        }
    }

    /** Stops every front end and saves the state file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable listener : listeners) {
            try {
                listener.close();
            } catch (Exception e) {
                log.println("closing a listener: " + e.getMessage());
            }
        }
        boolean locked = false;
        try {
            locked = chipLock.tryLock(SAVE_LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!locked) {
                log.println("a client session is still busy after " + SAVE_LOCK_TIMEOUT_SECONDS
                        + " s; saving the state as it is now");
            }
            for (ClientSession session : active) {
                finish(session, false); // a client still connected at Ctrl-C is a session too
            }
            save();
        } finally {
            if (locked) {
                chipLock.unlock();
            }
            stateLock.close();
        }
        threads.forEach(Thread::interrupt);
    }

    private void session(String name, StreamService service, InputStream in, OutputStream out) throws IOException {
        chipLock.lock();
        ClientSession session = new ClientSession(name, chip.clock(), paced);
        current.set(session);
        active.add(session);
        try {
            service.serve(new ChipLockReleasingInputStream(in, chipLock, chip.clock(), () -> closed, chipIdleSince,
                    () -> chargeClientWaits, session), new PacedOutputStream(out, session));
        } finally {
            try {
                active.remove(session);
                current.remove();
                if (!closed) {
                    save(); // once closed, close() has saved the final state
                }
                finish(session, false);
            } finally {
                chipIdleSince.set(System.nanoTime());
                chipLock.unlock();
            }
        }
    }

    /** Runs {@code loop} on a daemon thread that {@link #close()} interrupts; it leaves the list when it ends. */
    private void start(String name, Runnable loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, "sim-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS); // waiting for an outside process (pty re-created), not simulated time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
