package io.blueflash.gdbserver;

import io.blueflash.model.ConnectOptions;
import io.blueflash.port.in.InspectTargetRequest;
import io.blueflash.port.in.TargetInfo;
import io.blueflash.port.out.CoreControl;
import io.blueflash.port.out.MemoryAccess;
import io.blueflash.port.out.TargetConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code blueflash gdb-server}: listens on TCP for gdb ({@code target extended-remote HOST:PORT})
 * and serves one session at a time on the connection it is given (held for the server's life, as
 * st-util holds its ST-Link). Sessions follow one another; a gdb that connects while another is
 * attached is told so and disconnected. {@link #close()} stops listening and ends the session; the
 * caller closes the target connection.
 */
public final class GdbServer implements AutoCloseable {

    private final ServerSocket listener;
    private final SessionTarget target;
    private final GdbServerConfig config;
    private final PrintStream log;
    private final TargetInfo info;
    private final Thread acceptor;
    private final AtomicReference<Socket> attached = new AtomicReference<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile Thread sessionThread;
    private volatile boolean closed;

    private GdbServer(ServerSocket listener, SessionTarget target, TargetInfo info, GdbServerConfig config,
                      PrintStream log) {
        this.listener = listener;
        this.target = target;
        this.info = info;
        this.config = config;
        this.log = log;
        this.acceptor = new Thread(this::acceptLoop, "gdb-server-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Reads the chip's memory map through the inspect use case, binds the port and starts accepting.
     *
     * @param connection the probe's open connection, with memory access and core control
     * @param useCases   builds the use cases over a connector that hands out {@code connection}
     * @throws GdbServerException when the connection cannot be debugged or the port not bound
     */
    public static GdbServer start(GdbServerConfig config, TargetConnection connection, FlashUseCases.Factory useCases,
                                  PrintStream log) {
        MemoryAccess memory = connection.memoryAccess().orElse(null);
        CoreControl core = connection.coreControl().orElse(null);
        if (memory == null || core == null) {
            throw new GdbServerException(GdbServerException.Reason.NO_CORE_CONTROL, String.format(
                    "probe %s offers no core control (it has %s): a debugger needs to halt the core and "
                            + "reach its debug registers (DHCSR, DDI0403E C1.6)",
                    connection.probe().selectorText(), connection.capabilities()), null);
        }
        HeldConnector held = new HeldConnector(connection);
        FlashUseCases cases = useCases.over(held);
        TargetInfo info = cases.inspect().inspect(new InspectTargetRequest(held.selector(), ConnectOptions.defaults()));
        SessionTarget target = new SessionTarget(core, memory, cases, held.selector(), MemoryMap.of(info),
                connection.simulatedNanos().isPresent());
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(config.bind(), config.port()));
        } catch (IOException e) {
            throw new GdbServerException(GdbServerException.Reason.PORT_UNAVAILABLE, String.format(
                    "cannot listen on %s:%d: %s", config.bind().getHostAddress(), config.port(), e.getMessage()), e);
        }
        GdbServer server = new GdbServer(listener, target, info, config, log);
        server.acceptor.start();
        return server;
    }

    /** The port listened on (the chosen one when the config said 0). */
    public int port() {
        return listener.getLocalPort();
    }

    /** The chip as the inspect use case saw it at start. */
    public TargetInfo target() {
        return info;
    }

    /** gdb sessions served so far (finished or running). */
    public int sessions() {
        return sessions.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                if (!closed) {
                    log.println("gdb-server: accept failed: " + e.getMessage());
                }
                return;
            }
            if (!attached.compareAndSet(null, socket)) {
                refuse(socket);
                continue;
            }
            sessions.incrementAndGet();
            Thread thread = new Thread(() -> serve(socket), "gdb-session-" + sessions.get());
            thread.setDaemon(true);
            sessionThread = thread;
            thread.start();
        }
    }

    private void serve(Socket socket) {
        String peer = peer(socket);
        log.println("gdb-server: gdb connected from " + peer);
        try (socket; RspChannel channel = new RspChannel(socket.getInputStream(), socket.getOutputStream(),
                "gdb-session")) {
            new GdbSession(channel, target, config, log).serve();
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.println("gdb-server: session with " + peer + " ended: " + e.getMessage());
            }
        } finally {
            attached.set(null);
            log.println("gdb-server: session with " + peer + " closed; waiting for the next gdb");
        }
    }

    /** A second gdb: its first packet gets an error naming the attached one, then the line closes. */
    private void refuse(Socket socket) {
        Socket current = attached.get();
        String message = "E.blueflash gdb-server is serving another gdb (" + (current == null ? "?" : peer(current))
                + "); one session at a time: detach that one first";
        log.println("gdb-server: refused a second gdb from " + peer(socket) + " while one is attached");
        Thread thread = new Thread(() -> {
            try (socket; RspChannel channel = new RspChannel(socket.getInputStream(), socket.getOutputStream(),
                    "gdb-refusal")) {
                socket.setSoTimeout(5000);
                if (channel.next() instanceof RspChannel.Packet) {
                    channel.send(message);
                }
            } catch (IOException | RuntimeException e) {
                // it went away first
            }
        }, "gdb-refusal");
        thread.setDaemon(true);
        thread.start();
    }

    private static String peer(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /** Stops listening and ends the attached session (its breakpoints are removed on the way out). */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        Socket current = attached.get();
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        join(acceptor);
        Thread session = sessionThread;
        if (session != null) {
            join(session);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
