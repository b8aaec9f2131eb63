package io.blueflash.transport.usb.server;

import io.blueflash.sim.chip.Stm32F103;
import io.blueflash.sim.stlink.StLinkEmulator;
import io.blueflash.sim.stlink.StLinkNoReplyException;
import io.blueflash.sim.stlink.StLinkPersonality;
import io.blueflash.sim.stlink.server.StLinkServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * An stlink-server on a loopback port for tests: the simulator's {@link StLinkServer} in front of an
 * ST-Link emulator and a fresh chip, each client on its own thread (several at once, as ST's server).
 */
final class LoopbackStLinkServer implements AutoCloseable {

    final Stm32F103 chip;
    final StLinkEmulator emulator;
    final StLinkServer server;
    final List<String> log = new ArrayList<>();
    /** When set, the probe stops answering, as firmware that hangs. */
    volatile boolean silent;
    private final ServerSocket listening;
    private final List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    LoopbackStLinkServer(StLinkPersonality personality) {
        chip = Stm32F103.create("stm32f103c8");
        emulator = new StLinkEmulator(chip, personality);
        server = new StLinkServer((command, dataOut, replyLength) -> {
            if (silent) {
                throw new StLinkNoReplyException("the test silenced the probe");
            }
            return emulator.transfer(command, dataOut, replyLength);
        }, new io.blueflash.sim.stlink.server.StLinkServerDevice(0x0483,
                personality.productId(), personality.serial()), line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                });
        try {
            listening = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::acceptClients);
    }

    int port() {
        return listening.getLocalPort();
    }

    String selector() {
        return "stlink-server:127.0.0.1:" + port();
    }

    private void acceptClients() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                clients.add(client);
                daemon(() -> {
                    try (client) {
                        server.serve(client.getInputStream(), client.getOutputStream());
                    } catch (IOException e) {
                        // the client went away
                    }
                });
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Drops every client connection, as a server that crashes or a network that fails. */
    void dropClients() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "loopback-stlink-server");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
