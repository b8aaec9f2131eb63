package io.blueflash.sim.serve;

import io.blueflash.sim.chip.SimStateFile;
import io.blueflash.sim.chip.Stm32F103;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SimServerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void givenClientThatWritesSram_whenItDisconnects_thenTheSessionIsCountedAndTheStateSaved() throws Exception {
        Path state = dir.resolve("chip.sim");
        CountDownLatch served = new CountDownLatch(1);
        try (SimServer server = SimServer.open("stm32f103c8", state, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            int port = server.serveTcp("test", 0, (in, out) -> {
                while (in.read() >= 0) {
                    server.chip().clock().advance(1_000);
                }
                served.countDown();
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.getOutputStream().write(new byte[] {1, 2, 3});
            }
            assertThat(served.await(10, TimeUnit.SECONDS)).isTrue();
            awaitSessions(server, 1);

            assertThat(state).exists();
            assertThat(server.simulatedNanos()).isGreaterThanOrEqualTo(3_000);
        }
        SimStateFile.loadInto(state, Stm32F103.create("stm32f103c8"));
    }

    @Test
    void givenClientWaitsNotCharged_whenTheClientPausesBetweenBytes_thenOnlyWhatTheServiceChargesPasses() throws Exception {
        CountDownLatch served = new CountDownLatch(1);
        try (SimServer server = SimServer.open("stm32f103c8", dir.resolve("chip.sim"),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            server.setClientWaitsCharged(false);
            long before = server.simulatedNanos();
            int port = server.serveTcp("test", 0, (in, out) -> {
                while (in.read() >= 0) {
                    server.chip().clock().advance(1_000);
                }
                served.countDown();
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.getOutputStream().write(1);
                client.getOutputStream().flush();
                Thread.sleep(200); // the client thinks, in wall time
                client.getOutputStream().write(2);
            }
            assertThat(served.await(10, TimeUnit.SECONDS)).isTrue();
            awaitSessions(server, 1);

            assertThat(server.simulatedNanos() - before).isEqualTo(2_000);
        }
    }

    @Test
    void givenSilentClient_whenServerCloses_thenItSavesWithoutWaitingForTheClient() throws Exception {
        Path state = dir.resolve("chip.sim");
        SimServer server = SimServer.open("stm32f103c8", state, new PrintStream(log, true, StandardCharsets.UTF_8));
        CountDownLatch reading = new CountDownLatch(1);
        int port = server.serveTcp("test", 0, (in, out) -> {
            reading.countDown();
            while (in.read() >= 0) {
                // a client that never speaks keeps this session waiting
            }
        });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();

            server.close();

            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
            assertThat(state).exists();
            assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("still busy");
        }
    }

    @Test
    void givenProfileJtagIds_whenDerivedFromDpidr_thenGenuineAndApm32MatchTheFacts() {
        assertThat(SimEmulators.jtagIdcode(0x1BA0_1477)).isEqualTo(0x3BA0_0477);
        assertThat(SimEmulators.jtagIdcode(0x2BA0_1477)).isEqualTo(0x4BA0_0477);
    }

    private static void awaitSessions(SimServer server, int sessions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.sessions() < sessions && System.nanoTime() < deadline) {
            Thread.sleep(5); // waiting for the server thread, not simulated time
        }
        assertThat(server.sessions()).isEqualTo(sessions);
    }
}
