package io.blueflash.sim.gdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * Serves a {@link GdbServerEmulator} on TCP 127.0.0.1 so that unmodified GDB can connect with
 * {@code target extended-remote localhost:PORT}. Sessions are served one after another on a daemon
 * thread (a BMP has one GDB port); {@link #close()} stops accepting and ends the current session.
 */
public final class GdbTcpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final GdbServerEmulator emulator;
    private final Thread thread;
    private volatile Socket session;
    private volatile IOException failure;

    private GdbTcpServer(ServerSocket socket, GdbServerEmulator emulator) {
        this.socket = socket;
        this.emulator = emulator;
        this.thread = new Thread(this::acceptLoop, "bmp-gdb-server:" + socket.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts serving on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
    public static GdbTcpServer start(GdbServerEmulator emulator, int port) throws IOException {
        ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        GdbTcpServer server = new GdbTcpServer(socket, emulator);
        server.thread.start();
        return server;
    }

    /**
     * {@code java io.blueflash.sim.gdb.GdbTcpServer [PORT [PROFILE [LAYERS]]]}: serves a simulated Black
     * Magic Probe with a fresh chip (default port 2000, profile stm32f103c8) until the process is
     * stopped, for {@code gdb-multiarch -ex 'target extended-remote localhost:PORT'}. LAYERS
     * ("flash", "bus,flash", "swd,bus,flash") prints the chip's trace lines of those layers, stamped
     * with simulated time, to watch what the probe does for each GDB command.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String profile = args.length > 1 ? args[1] : "stm32f103c8";
        io.blueflash.sim.chip.Stm32F103 chip = io.blueflash.sim.chip.Stm32F103.create(profile);
        if (args.length > 2) {
            java.util.Set<String> layers = java.util.Set.of(args[2].split(","));
            chip.addTraceListener(event -> {
                if (layers.contains(event.layer())) {
                    System.out.printf("%14.3f us  %-5s %s%n", event.simNanos() / 1000.0, event.layer(), event.text());
                }
            });
        }
        try (GdbTcpServer server = GdbServerEmulator.serveTcp(chip, port)) {
            System.out.println("simulated Black Magic Probe (" + profile + ") on 127.0.0.1:" + server.port());
            server.thread.join();
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    public GdbServerEmulator emulator() {
        return emulator;
    }

    /** The I/O error that ended the last session abnormally, if any. */
    public IOException lastFailure() {
        return failure;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                session = accepted;
                accepted.setTcpNoDelay(true);
                emulator.serve(accepted.getInputStream(), accepted.getOutputStream());
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
                failure = e;
            } catch (IOException e) {
                failure = e;
            } finally {
                session = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            Socket current = session;
            if (current != null) {
                current.close();
            }
            thread.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the GDB server socket on port " + port(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
